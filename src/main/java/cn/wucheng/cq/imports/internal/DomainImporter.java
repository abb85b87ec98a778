package cn.wucheng.cq.imports.internal;

import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.wucheng.cq.imports.ImportKind;

/** 执法领域, keyed by 领域名称. New domains go to the end of the catalogue. */
final class DomainImporter extends ListImporter<DomainImporter.Row> {

	static final Column NAME = Column.required(ImportVocabulary.DOMAIN_NAME, 50);

	static final Column CODE = Column.optional(ImportVocabulary.DOMAIN_CODE, 20);

	record Row(int row, String name, String code) implements Parsed {
	}

	private record Stored(long id, String code) {
	}

	private final Map<String, Stored> stored = new HashMap<>();

	private int lastSortOrder;

	DomainImporter(ImportRun run) {
		super(run);
	}

	@Override
	ImportKind kind() {
		return ImportKind.DOMAINS;
	}

	@Override
	List<Column> columns() {
		return List.of(NAME, CODE);
	}

	@Override
	List<Column> keyColumns() {
		return List.of(NAME);
	}

	@Override
	void prepare() {
		run.jdbc.sql("select id, code, name, sort_order from domain where bureau_id = cq_bureau()").query(rs -> {
			stored.put(rs.getString("name"), new Stored(rs.getLong("id"), rs.getString("code")));
			lastSortOrder = Math.max(lastSortOrder, rs.getInt("sort_order"));
		});
	}

	@Override
	Row parse(RowView r) {
		long mark = run.errorCount();
		String name = required(r, NAME);
		String code = optional(r, CODE);
		return run.errorCount() > mark ? null : new Row(r.row(), name, code);
	}

	@Override
	void flush(List<Row> chunk) {
		List<Object[]> inserts = new ArrayList<>();
		List<Object[]> updates = new ArrayList<>();
		for (Row r : chunk) {
			Stored s = stored.get(r.name());
			if (s == null) {
				run.created++;
				inserts.add(new Object[] { r.code(), r.name(), ++lastSortOrder });
				continue;
			}
			ImportRun.Changes changes = new ImportRun.Changes();
			if (has(CODE)) {
				changes.field(CODE.header(), s.code(), r.code());
			}
			if (changes.any()) {
				run.updated("domain", r.name(), changes);
				updates.add(new Object[] { r.code(), s.id() });
			}
			else {
				run.unchanged++;
			}
		}
		if (run.writing()) {
			run.batch("insert into domain (code, name, sort_order) values (?, ?, ?)", inserts, Types.VARCHAR,
					Types.VARCHAR, Types.INTEGER);
			run.batch("update domain set code = ?, version = version + 1 where id = ?", updates, Types.VARCHAR,
					Types.BIGINT);
		}
	}

}
