package cn.wucheng.cq.imports.internal;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.wucheng.cq.imports.ImportKind;

/**
 * 退卷扣分, keyed by 案件编号 + 扣分项编码 + 退卷日期. The points must be those of the catalogue (案件质量评查标准);
 * a code not in the catalogue is accepted only with 扣分项 and 扣分, and is then added to it — later rows of the same
 * file resolve against it like against the database.
 */
final class DeductionImporter extends ListImporter<DeductionImporter.Row> {

	static final Column CASE_NO = Column.required(ImportVocabulary.CASE_NO, 60).hint("imports.hint.case");

	static final Column RETURNED_ON = Column.requiredDate(ImportVocabulary.RETURNED_ON);

	static final Column CODE = Column.required(ImportVocabulary.ITEM_CODE, 20).hint("imports.hint.itemCode");

	static final Column POINTS = Column.required(ImportVocabulary.POINTS, 0).hint("imports.hint.points");

	static final Column ITEM = Column.optional(ImportVocabulary.ITEM_TEXT, 200).hint("imports.hint.itemText");

	static final Column REASON = Column.optional(ImportVocabulary.RETURN_REASON, 500);

	record Row(int row, String caseNo, LocalDate returnedOn, String code, BigDecimal points, String reason)
			implements Parsed {
	}

	/** An item of the catalogue; id null while it is new (added by this file and not yet written). */
	private static final class Item {

		Long id;

		final String code;

		final String text;

		final BigDecimal points;

		final int firstRow;

		Item(Long id, String code, String text, BigDecimal points, int firstRow) {
			this.id = id;
			this.code = code;
			this.text = text;
			this.points = points;
			this.firstRow = firstRow;
		}

	}

	private record Stored(long id, BigDecimal points, String reason) {
	}

	private final Map<String, Item> catalogue = new HashMap<>();

	DeductionImporter(ImportRun run) {
		super(run);
	}

	@Override
	ImportKind kind() {
		return ImportKind.DEDUCTIONS;
	}

	@Override
	List<Column> columns() {
		return List.of(CASE_NO, RETURNED_ON, CODE, POINTS, ITEM, REASON);
	}

	@Override
	List<Column> keyColumns() {
		return List.of(CASE_NO, CODE, RETURNED_ON);
	}

	@Override
	protected String keyPart(RowView row, Column c) {
		String v = row.text(c);
		return c == RETURNED_ON ? DateText.parse(v).map(LocalDate::toString).orElse(v) : v;
	}

	@Override
	void prepare() {
		run.jdbc.sql("""
				select id, code, item_text, points from deduction_item
				where bureau_id = cq_bureau()""").query(rs -> {
			String code = rs.getString("code");
			catalogue.put(code, new Item(rs.getLong("id"), code, rs.getString("item_text"),
					rs.getBigDecimal("points"), 0));
		});
	}

	@Override
	Row parse(RowView r) {
		long mark = run.errorCount();
		String caseNo = required(r, CASE_NO);
		LocalDate returnedOn = date(r, RETURNED_ON);
		String code = required(r, CODE);
		BigDecimal points = points(r, POINTS);
		String text = optional(r, ITEM);
		String reason = optional(r, REASON);
		if (code != null) {
			Item item = catalogue.get(code);
			if (item == null) {
				if (text == null || points == null) {
					run.error(r.row(), text == null ? ITEM : POINTS, "imports.error.newItemIncomplete", code);
				}
				else if (run.errorCount() == mark) {
					catalogue.put(code, new Item(null, code, text, points, r.row()));
				}
			}
			else if (points != null && item.points.compareTo(points) != 0) {
				if (item.id == null) {
					run.error(r.row(), POINTS, "imports.error.pointsDifferInFile", code, display(item.points),
							item.firstRow, display(points));
				}
				else {
					run.error(r.row(), POINTS, "imports.error.pointsDiffer", code, display(item.points),
							display(points));
				}
			}
		}
		return run.errorCount() > mark ? null : new Row(r.row(), caseNo, returnedOn, code, points, reason);
	}

	private static String display(BigDecimal d) {
		return ImportRun.Changes.display(d);
	}

	@Override
	void flush(List<Row> chunk) {
		Map<String, Long> caseIds = new HashMap<>();
		List<String> caseNos = chunk.stream().map(Row::caseNo).distinct().toList();
		queryIn("select id, case_no from case_file where bureau_id = cq_bureau() and case_no in (:keys)", caseNos,
				rs -> caseIds.put(rs.getString(2), rs.getLong(1)));
		Map<String, Stored> stored = new HashMap<>();
		queryIn("""
				select r.id, c.case_no, i.code, r.returned_on, r.points, r.reason
				from case_return r join case_file c on c.id = r.case_id join deduction_item i on i.id = r.item_id
				where c.bureau_id = cq_bureau() and c.case_no in (:keys)""", caseNos,
				rs -> stored.put(key(rs.getString("case_no"), rs.getString("code"), localDate(rs, "returned_on")),
						new Stored(rs.getLong("id"), rs.getBigDecimal("points"), rs.getString("reason"))));
		List<Row> creates = new ArrayList<>();
		List<Object[]> updates = new ArrayList<>();
		for (Row r : chunk) {
			Long caseId = caseIds.get(r.caseNo());
			if (caseId == null) {
				run.error(r.row(), CASE_NO, "imports.error.unknownCase", r.caseNo());
				continue;
			}
			Stored s = stored.get(key(r.caseNo(), r.code(), r.returnedOn()));
			String reason = has(REASON) || s == null ? r.reason() : s.reason();
			if (s == null) {
				run.created++;
				creates.add(r);
				continue;
			}
			ImportRun.Changes changes = new ImportRun.Changes().field(POINTS.header(), s.points(), r.points())
				.field(REASON.header(), s.reason(), reason);
			if (!changes.any()) {
				run.unchanged++;
				continue;
			}
			run.updated("case_return", r.caseNo() + " / " + r.code() + " / " + r.returnedOn(), changes);
			updates.add(new Object[] { r.points(), reason, s.id() });
		}
		if (!run.writing()) {
			return;
		}
		addNewItems(creates);
		List<Object[]> inserts = new ArrayList<>();
		for (Row r : creates) {
			inserts.add(new Object[] { caseIds.get(r.caseNo()), r.returnedOn(), catalogue.get(r.code()).id, r.points(),
					r.reason() });
		}
		run.batch("insert into case_return (case_id, returned_on, item_id, points, reason) values (?, ?, ?, ?, ?)",
				inserts, Types.BIGINT, Types.DATE, Types.BIGINT, Types.NUMERIC, Types.VARCHAR);
		run.batch("update case_return set points = ?, reason = ? where id = ?", updates, Types.NUMERIC,
				Types.VARCHAR, Types.BIGINT);
	}

	/** Writes the catalogue items this chunk needs that the file introduced, and learns their ids. */
	private void addNewItems(List<Row> creates) {
		Map<String, Item> fresh = new LinkedHashMap<>();
		for (Row r : creates) {
			Item item = catalogue.get(r.code());
			if (item.id == null) {
				fresh.put(item.code, item);
			}
		}
		if (fresh.isEmpty()) {
			return;
		}
		List<Object[]> rows = new ArrayList<>();
		for (Item item : fresh.values()) {
			rows.add(new Object[] { item.code, item.text, item.points });
			run.createdAlongside("deduction_item", item.code,
					// the audit names the fields by their column headers, as an updated row's changes do
					CODE.header() + "=" + item.code + "\n" + ITEM.header() + "=" + item.text + "\n" + POINTS.header()
							+ "=" + display(item.points));
		}
		run.batch("insert into deduction_item (code, item_text, points) values (?, ?, ?)", rows, Types.VARCHAR,
				Types.VARCHAR, Types.NUMERIC);
		queryIn("select id, code from deduction_item where bureau_id = cq_bureau() and code in (:keys)", fresh.keySet(),
				rs -> fresh.get(rs.getString(2)).id = rs.getLong(1));
	}

	private static String key(String caseNo, String code, LocalDate date) {
		return caseNo + '\u0001' + code + '\u0001' + date;
	}

}
