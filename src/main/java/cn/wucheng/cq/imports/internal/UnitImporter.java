package cn.wucheng.cq.imports.internal;

import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import cn.wucheng.cq.imports.ImportKind;
import cn.wucheng.cq.organisation.UnitType;

/**
 * 单位, keyed by 单位名称, with the managed domains separated by 、 ; or , — an empty cell means the
 * default of R-03 and stores no unit_domain rows.
 */
final class UnitImporter extends ListImporter<UnitImporter.Row> {

	static final Column NAME = Column.required(ImportVocabulary.UNIT_NAME, 100);

	static final Column TYPE = Column.choice(ImportVocabulary.UNIT_TYPE, Arrays.stream(UnitType.values()).map(UnitType::label).toList());

	static final Column DOMAINS = Column.optional(ImportVocabulary.UNIT_DOMAINS, 0).hint("imports.hint.domains");

	private static final Pattern SEPARATORS = Pattern.compile("[、;；,，]");

	/** @param domainIds the configured domains; null when the file has no 管理领域 column (keep what is stored) */
	record Row(int row, String name, UnitType type, Set<Long> domainIds) implements Parsed {
	}

	private record Stored(long id, UnitType type, Set<Long> domainIds) {
	}

	private Map<String, Long> domainIds;

	private Map<Long, String> domainNames;

	private final Map<Long, Integer> domainOrder = new HashMap<>();

	private final Map<String, Stored> stored = new HashMap<>();

	UnitImporter(ImportRun run) {
		super(run);
	}

	@Override
	ImportKind kind() {
		return ImportKind.UNITS;
	}

	@Override
	List<Column> columns() {
		return List.of(NAME, TYPE, DOMAINS);
	}

	@Override
	List<Column> keyColumns() {
		return List.of(NAME);
	}

	@Override
	void prepare() {
		domainIds = idsByName("select id, name from domain where bureau_id = cq_bureau()");
		domainNames = invert(domainIds);
		run.jdbc.sql("select id, sort_order from domain where bureau_id = cq_bureau()").query(rs -> {
			domainOrder.put(rs.getLong(1), rs.getInt(2));
		});
		Map<Long, Set<Long>> managed = new HashMap<>();
		run.jdbc.sql("select unit_id, domain_id from unit_domain").query(rs -> {
			managed.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getLong(2));
		});
		run.jdbc.sql("select id, name, type from unit where bureau_id = cq_bureau()").query(rs -> {
			long id = rs.getLong("id");
			stored.put(rs.getString("name"), new Stored(id, UnitType.valueOf(rs.getString("type")),
					managed.getOrDefault(id, Set.of())));
		});
	}

	@Override
	Row parse(RowView r) {
		long mark = run.errorCount();
		String name = required(r, NAME);
		UnitType type = choice(r, TYPE, UnitType::fromLabel);
		Set<Long> domains = null;
		if (has(DOMAINS)) {
			domains = new HashSet<>();
			Set<String> unknown = new LinkedHashSet<>();
			for (String part : SEPARATORS.split(r.text(DOMAINS))) {
				String d = Text.clean(part);
				if (d.isEmpty()) {
					continue;
				}
				Long id = domainIds.get(d);
				if (id == null) {
					unknown.add(d);
				}
				else {
					domains.add(id);
				}
			}
			if (!unknown.isEmpty()) {
				run.error(r.row(), DOMAINS, "imports.error.unknownDomain", String.join("、", unknown));
			}
		}
		return run.errorCount() > mark ? null : new Row(r.row(), name, type, domains);
	}

	@Override
	void flush(List<Row> chunk) {
		List<Object[]> inserts = new ArrayList<>();
		List<Row> created = new ArrayList<>();
		List<Object[]> updates = new ArrayList<>();
		List<Object[]> clearDomains = new ArrayList<>();
		List<Object[]> addDomains = new ArrayList<>();
		for (Row r : chunk) {
			Stored s = stored.get(r.name());
			if (s == null) {
				run.created++;
				inserts.add(new Object[] { r.name(), r.type().name() });
				created.add(r);
				continue;
			}
			ImportRun.Changes changes = new ImportRun.Changes().field(TYPE.header(), s.type().label(), r.type().label());
			boolean domainsChanged = r.domainIds() != null && !r.domainIds().equals(s.domainIds());
			if (domainsChanged) {
				changes.field(DOMAINS.header(), names(s.domainIds()), names(r.domainIds()));
			}
			if (!changes.any()) {
				run.unchanged++;
				continue;
			}
			run.updated("unit", r.name(), changes);
			updates.add(new Object[] { r.type().name(), s.id() });
			if (domainsChanged) {
				clearDomains.add(new Object[] { s.id() });
				for (Long d : r.domainIds()) {
					addDomains.add(new Object[] { s.id(), d });
				}
			}
		}
		if (!run.writing()) {
			return;
		}
		run.batch("insert into unit (name, type) values (?, ?)", inserts, Types.VARCHAR, Types.VARCHAR);
		if (!created.isEmpty()) {
			Map<String, Long> ids = new HashMap<>();
			queryIn("select id, name from unit where bureau_id = cq_bureau() and name in (:keys)",
					created.stream().map(Row::name).toList(),
					rs -> ids.put(rs.getString(2), rs.getLong(1)));
			for (Row r : created) {
				if (r.domainIds() != null) {
					for (Long d : r.domainIds()) {
						addDomains.add(new Object[] { ids.get(r.name()), d });
					}
				}
			}
		}
		run.batch("update unit set type = ?, version = version + 1 where id = ?", updates, Types.VARCHAR, Types.BIGINT);
		run.batch("delete from unit_domain where unit_id = ?", clearDomains, Types.BIGINT);
		run.batch("insert into unit_domain (unit_id, domain_id) values (?, ?)", addDomains, Types.BIGINT, Types.BIGINT);
	}

	/** The domains in catalogue order, as the file writes them. */
	private String names(Set<Long> ids) {
		return ids.stream()
			.sorted(Comparator.comparing((Long id) -> domainOrder.getOrDefault(id, 0)).thenComparing(id -> id))
			.map(domainNames::get)
			.collect(Collectors.joining("、"));
	}

}
