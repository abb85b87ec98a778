package cn.wucheng.cq.recording;

import cn.wucheng.cq.cases.CaseFile;

/**
 * A compliance gap of full-process recording, each a named policy with its rule id and the set-based SQL that finds
 * every such gap (one statement per kind, never one per case). Each statement selects {@code case_id},
 * {@code unit_id}, {@code gap_on} (the day the gap is dated by, for the month filter and R-71) and {@code inquiry_id}
 * (R-51 only), over the aliases {@code c} (case_file) and {@code r} (unit_rollout); the caller appends the filter
 * conditions ({@link #dateColumn()} for the dates). Imported or migrated data is judged like any other: a gap in
 * legacy data is listed, not dropped.
 */
public enum GapKind {

	/**
	 * a simple case, or a case whose source is 路面查处, without any audio/video record — neither a video recorded
	 * here nor the case's own 视频编号 from the import. Dated by the filing (for a simple case the decision) date.
	 */
	R50_NO_VIDEO("R-50", "c.filed_on", """
			select c.id as case_id, c.unit_id, c.filed_on as gap_on, cast(null as bigint) as inquiry_id
			from case_file c
			join unit_rollout r on r.unit_id = c.unit_id
			where (c.category = 'SIMPLE' or c.source = '%s')
			  and (c.video_no is null or trim(c.video_no) = '')
			  and not exists (select 1 from case_video v where v.case_id = c.id)
			  and (r.starts_on is null or c.filed_on >= r.starts_on)""".formatted(CaseFile.ROADSIDE)),

	/**
	 * an inquiry of an ordinary case (普通程序, 重大疑难) held outside the inquiry room without the number of the
	 * body-camera recording of the whole inquiry. Dated by the inquiry.
	 */
	R51_NO_BODY_CAMERA("R-51", "i.held_on", """
			select c.id as case_id, c.unit_id, i.held_on as gap_on, i.id as inquiry_id
			from case_inquiry i
			join case_file c on c.id = i.case_id
			join unit_rollout r on r.unit_id = c.unit_id
			where c.category <> 'SIMPLE'
			  and i.in_inquiry_room = false
			  and (i.body_camera_no is null or trim(i.body_camera_no) = '')
			  and (r.starts_on is null or i.held_on >= r.starts_on)"""),

	/** auxiliary staff (辅助人员) present at an inquiry in the inquiry room. Dated by the inquiry. */
	R51_AUXILIARY_IN_ROOM("R-51", "i.held_on", """
			select c.id as case_id, c.unit_id, i.held_on as gap_on, i.id as inquiry_id
			from case_inquiry i
			join case_file c on c.id = i.case_id
			join unit_rollout r on r.unit_id = c.unit_id
			where i.in_inquiry_room = true
			  and exists (select 1 from case_inquiry_attendee a join person p on p.id = a.person_id
			              where a.inquiry_id = i.id and p.category = 'AUXILIARY')
			  and (r.starts_on is null or i.held_on >= r.starts_on)"""),

	/**
	 * a concluded case whose recordings are not archived on disc with the file (一案一档) — every concluded case
	 * by default; only ordinary ones (普通程序, 重大疑难) when the setting {@code DISC_ORDINARY_CASES_ONLY} says so
	 * (parameter {@code :discAllCases}). Dated by the conclusion.
	 */
	R52_NO_DISC("R-52", "c.concluded_on", """
			select c.id as case_id, c.unit_id, c.concluded_on as gap_on, cast(null as bigint) as inquiry_id
			from case_file c
			join unit_rollout r on r.unit_id = c.unit_id
			where (c.category in ('ORDINARY', 'MAJOR') or :discAllCases)
			  and c.concluded_on is not null
			  and not exists (select 1 from case_disc_archive d where d.case_id = c.id)
			  and (r.starts_on is null or c.concluded_on >= r.starts_on)""");

	private final String ruleId;

	private final String dateColumn;

	private final String sql;

	GapKind(String ruleId, String dateColumn, String sql) {
		this.ruleId = ruleId;
		this.dateColumn = dateColumn;
		this.sql = sql;
	}

	public String ruleId() {
		return ruleId;
	}

	/** The column the gap is dated by, for conditions appended to {@link #sql()}. */
	public String dateColumn() {
		return dateColumn;
	}

	/** The statement finding every gap of this kind (see the class comment for its columns and aliases). */
	public String sql() {
		return sql;
	}

}
