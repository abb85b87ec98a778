package cn.wucheng.cq.casework.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The legal officer's review table (R-40, issue 13 item 5): one entry per case row of the table, bound as
 * {@code rows[i].subjectOk} …; {@code allOk} is what a "本行全部合格" ({@code caseId}: the row's five checks 是) or
 * "全部合格" ({@code ALL}: every check not yet chosen on a row never reviewed becomes 是, a 否 stays) button sent
 * when the page runs without script; with script the buttons tick the same boxes in the page and nothing is sent.
 */
public class ReviewBatchForm {

	/** {@link #allOk} value of the "全部合格" button. */
	static final String ALL = "ALL";

	private List<Entry> rows = new ArrayList<>();

	private String allOk;

	/**
	 * One row as entered: the one-case page's form ({@link ReviewForm}: the five checks of attachment 2, null when not
	 * chosen, 视频编号, note and the version seen) and the row's case.
	 */
	public static class Entry extends ReviewForm {

		private Long caseId;

		static Entry of(long caseId, SimpleReview.Checklist k, String videoNo, Integer version) {
			Entry e = new Entry();
			e.caseId = caseId;
			if (k != null) {
				e.setSubjectOk(k.subjectOk());
				e.setPartyOk(k.partyOk());
				e.setEvidenceOk(k.evidenceOk());
				e.setLawOk(k.lawOk());
				e.setRecordOk(k.recordOk());
				e.setNote(k.note());
			}
			e.setVideoNo(videoNo);
			e.setVersion(version);
			return e;
		}

		List<Boolean> checks() {
			return java.util.Arrays.asList(getSubjectOk(), getPartyOk(), getEvidenceOk(), getLawOk(), getRecordOk());
		}

		/** Nothing chosen and no note: the row was left alone. */
		boolean untouched() {
			return checks().stream().allMatch(java.util.Objects::isNull) && (getNote() == null || getNote().isBlank());
		}

		/** Every check chosen. */
		boolean complete() {
			return checks().stream().noneMatch(java.util.Objects::isNull);
		}

		boolean anyNo() {
			return checks().contains(Boolean.FALSE);
		}

		/** 本行全部合格: every check 是. */
		void allOk() {
			setSubjectOk(Boolean.TRUE);
			setPartyOk(Boolean.TRUE);
			setEvidenceOk(Boolean.TRUE);
			setLawOk(Boolean.TRUE);
			setRecordOk(Boolean.TRUE);
		}

		/** 全部合格 on a row never reviewed: every check not yet chosen becomes 是; a 否 chosen stays. */
		void fillOk() {
			if (getVersion() != null) {
				return;
			}
			setSubjectOk(orYes(getSubjectOk()));
			setPartyOk(orYes(getPartyOk()));
			setEvidenceOk(orYes(getEvidenceOk()));
			setLawOk(orYes(getLawOk()));
			setRecordOk(orYes(getRecordOk()));
		}

		private static Boolean orYes(Boolean chosen) {
			return chosen == null ? Boolean.TRUE : chosen;
		}

		@Override
		SimpleReview.Checklist toChecklist() {
			return new SimpleReview.Checklist(getSubjectOk(), getPartyOk(), getEvidenceOk(), getLawOk(), getRecordOk(),
					blankToNull(getVideoNo()), blankToNull(getNote()));
		}

		private static String blankToNull(String s) {
			return s == null || s.isBlank() ? null : s.strip();
		}

		public Long getCaseId() {
			return caseId;
		}

		public void setCaseId(Long caseId) {
			this.caseId = caseId;
		}

	}

	public List<Entry> getRows() {
		return rows;
	}

	public void setRows(List<Entry> rows) {
		this.rows = rows == null ? new ArrayList<>() : rows;
	}

	public String getAllOk() {
		return allOk;
	}

	public void setAllOk(String allOk) {
		this.allOk = allOk;
	}

}
