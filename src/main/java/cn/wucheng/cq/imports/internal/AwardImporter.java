package cn.wucheng.cq.imports.internal;

import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.wucheng.cq.imports.ImportKind;
import cn.wucheng.cq.reviews.AwardLevel;

/** 优秀案卷, keyed by 案件编号 + 评选级别. */
final class AwardImporter extends ListImporter<AwardImporter.Row> {

	static final Column CASE_NO = Column.required(ImportVocabulary.CASE_NO, 60).hint("imports.hint.case");

	static final Column LEVEL = Column.choice(ImportVocabulary.AWARD_LEVEL,
			Arrays.stream(AwardLevel.values()).map(AwardLevel::label).toList());

	static final Column RATED_ON = Column.requiredDate(ImportVocabulary.RATED_ON);

	static final Column TITLE = Column.optional(ImportVocabulary.AWARD_TITLE, 200);

	record Row(int row, String caseNo, AwardLevel level, LocalDate ratedOn, String title) implements Parsed {
	}

	private record Stored(long id, LocalDate ratedOn, String title) {
	}

	AwardImporter(ImportRun run) {
		super(run);
	}

	@Override
	ImportKind kind() {
		return ImportKind.AWARDS;
	}

	@Override
	List<Column> columns() {
		return List.of(CASE_NO, LEVEL, RATED_ON, TITLE);
	}

	@Override
	List<Column> keyColumns() {
		return List.of(CASE_NO, LEVEL);
	}

	@Override
	protected String keyPart(RowView row, Column c) {
		String v = row.text(c);
		return c == LEVEL ? AwardLevel.fromLabel(v).map(AwardLevel::name).orElse(v) : v;
	}

	@Override
	Row parse(RowView r) {
		long mark = run.errorCount();
		String caseNo = required(r, CASE_NO);
		AwardLevel level = choice(r, LEVEL, AwardLevel::fromLabel);
		LocalDate ratedOn = date(r, RATED_ON);
		String title = optional(r, TITLE);
		return run.errorCount() > mark ? null : new Row(r.row(), caseNo, level, ratedOn, title);
	}

	@Override
	void flush(List<Row> chunk) {
		List<String> caseNos = chunk.stream().map(Row::caseNo).distinct().toList();
		Map<String, Long> caseIds = new HashMap<>();
		queryIn("select id, case_no from case_file where bureau_id = cq_bureau() and case_no in (:keys)", caseNos,
				rs -> caseIds.put(rs.getString(2), rs.getLong(1)));
		Map<String, Stored> stored = new HashMap<>();
		queryIn("""
				select a.id, c.case_no, a.award_level, a.rated_on, a.title
				from excellent_award a join case_file c on c.id = a.case_id
				where c.bureau_id = cq_bureau() and c.case_no in (:keys)""", caseNos,
				rs -> stored.put(rs.getString("case_no") + '\u0001' + rs.getString("award_level"),
						new Stored(rs.getLong("id"), localDate(rs, "rated_on"), rs.getString("title"))));
		List<Object[]> inserts = new ArrayList<>();
		List<Object[]> updates = new ArrayList<>();
		for (Row r : chunk) {
			Long caseId = caseIds.get(r.caseNo());
			if (caseId == null) {
				run.error(r.row(), CASE_NO, "imports.error.unknownCase", r.caseNo());
				continue;
			}
			Stored s = stored.get(r.caseNo() + '\u0001' + r.level().name());
			String title = has(TITLE) || s == null ? r.title() : s.title();
			if (s == null) {
				run.created++;
				inserts.add(new Object[] { caseId, r.level().name(), r.ratedOn(), title });
				continue;
			}
			ImportRun.Changes changes = new ImportRun.Changes().field(RATED_ON.header(), s.ratedOn(), r.ratedOn())
				.field(TITLE.header(), s.title(), title);
			if (!changes.any()) {
				run.unchanged++;
				continue;
			}
			run.updated("excellent_award", r.caseNo() + " / " + r.level().label(), changes);
			updates.add(new Object[] { r.ratedOn(), title, s.id() });
		}
		if (!run.writing()) {
			return;
		}
		run.batch("insert into excellent_award (case_id, award_level, rated_on, title) values (?, ?, ?, ?)", inserts,
				Types.BIGINT, Types.VARCHAR, Types.DATE, Types.VARCHAR);
		run.batch("update excellent_award set rated_on = ?, title = ? where id = ?", updates, Types.DATE,
				Types.VARCHAR, Types.BIGINT);
	}

}
