package cn.wucheng.cq.imports.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.wucheng.cq.audit.AuditLog;
import cn.wucheng.cq.imports.ImportKind;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.shared.Refusal;
import cn.wucheng.cq.shared.Refusals;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Saved column mappings (issue 14 item 2, table import_mapping): a name, a list, for each column the file header it is
 * read from, and the headers of the file it was made for, so that a file with the same headers gets it applied
 * automatically. Created, changed and deleted on the import pages; each change audited with before and after.
 */
@Component
class ImportMappings {

	/** A saved mapping. {@code headers}: the file's headers as written, the choices when it is edited. */
	record Saved(long id, String name, ImportKind kind, Map<String, String> columns, List<String> headers,
			String headerKey, String createdBy, LocalDateTime updatedAt) {

		ColumnMapping mapping() {
			return new ColumnMapping(name, columns);
		}

	}

	static final int MAX_NAME = 100;

	private static final TypeReference<LinkedHashMap<String, String>> COLUMNS = new TypeReference<>() {
	};

	private static final TypeReference<List<String>> HEADERS = new TypeReference<>() {
	};

	private final JsonMapper json = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Refusals messages;

	private final ImportEngine engine;

	private final Clock clock;

	ImportMappings(JdbcClient jdbc, AuditLog audit, Refusals messages, ImportEngine engine, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.audit = audit;
		this.messages = messages;
		this.engine = engine;
	}

	List<Saved> list() {
		return jdbc.sql("select * from import_mapping order by kind, name").query(this::saved).list();
	}

	Optional<Saved> find(long id) {
		return jdbc.sql("select * from import_mapping where id = ?").param(id).query(this::saved).optional();
	}

	Optional<Saved> byName(String name) {
		return name == null ? Optional.empty()
				: jdbc.sql("select * from import_mapping where bureau_id = cq_bureau() and name = ?")
					.param(name.strip())
					.query(this::saved)
					.optional();
	}

	/** The mapping saved for files of this list with these headers (the latest changed if several). */
	Optional<Saved> forHeaders(ImportKind kind, FileHeaders file) {
		return jdbc.sql("""
				select * from import_mapping where kind = ? and header_key = ? order by updated_at desc, id desc limit 1""")
			.params(kind.path(), file.key())
			.query(this::saved)
			.optional();
	}

	/**
	 * Checks a mapping for a file of the list with these headers: every header it names is one of the file's, no header
	 * serves two columns, and every required column is found (by the mapping or, where it names none, by header or
	 * alias). Refused with a message naming what is wrong.
	 */
	ColumnMapping check(ImportKind kind, String name, Map<String, String> chosen, List<String> headers) {
		Map<String, String> columns = new LinkedHashMap<>();
		Map<String, String> usedBy = new LinkedHashMap<>();
		for (Column c : engine.columns(kind)) {
			String h = chosen.get(c.header());
			if (h == null || h.isBlank()) {
				continue;
			}
			h = h.strip();
			if (!headers.contains(h)) {
				throw Refusal.of("imports.mapping.error.unknownHeader", h);
			}
			String other = usedBy.putIfAbsent(h, c.header());
			if (other != null) {
				throw Refusal.of("imports.mapping.error.twice", h, other, c.header());
			}
			columns.put(c.header(), h);
		}
		ColumnMapping mapping = new ColumnMapping(name, columns);
		List<Column> missing = engine.missing(kind, mapping, headers);
		if (!missing.isEmpty()) {
			throw Refusal.of("imports.mapping.error.missing",
					missing.stream().map(Column::header).collect(Collectors.joining("、")));
		}
		return mapping;
	}

	@Transactional
	public Saved create(ImportKind kind, String name, Map<String, String> chosen, FileHeaders file) {
		String clean = name(name, null);
		ColumnMapping mapping = check(kind, clean, chosen, file.headers());
		LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
		long id = jdbc.sql("""
				insert into import_mapping (name, kind, columns, headers, header_key, created_by, created_at, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(clean, kind.path(), json.writeValueAsString(mapping.columns()),
					json.writeValueAsString(file.headers()), file.key(),
					CurrentUser.find().map(CurrentUser::username).orElse(null), now, now)
			.query(Long.class)
			.single();
		audit.record("IMPORT_MAPPING_CREATE", "import_mapping", clean,
				messages.message("imports.mapping.audit.created", clean, kind.label()), null, describe(mapping.columns()));
		return find(id).orElseThrow();
	}

	/** Renames and changes the columns; the headers it is offered for stay those of the file it was made for. */
	@Transactional
	public Saved update(long id, String name, Map<String, String> chosen) {
		Saved before = find(id).orElseThrow(() -> Refusal.of("imports.mapping.error.gone"));
		String clean = name(name, id);
		ColumnMapping mapping = check(before.kind(), clean, chosen, before.headers());
		jdbc.sql("update import_mapping set name = ?, columns = ?, updated_at = ? where id = ?")
			.params(clean, json.writeValueAsString(mapping.columns()),
					LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS), id)
			.update();
		audit.record("IMPORT_MAPPING_UPDATE", "import_mapping", clean,
				messages.message("imports.mapping.audit.updated", before.name(), clean, before.kind().label()),
				describe(before.columns()), describe(mapping.columns()));
		return find(id).orElseThrow();
	}

	@Transactional
	public void delete(long id) {
		Saved before = find(id).orElseThrow(() -> Refusal.of("imports.mapping.error.gone"));
		jdbc.sql("delete from import_mapping where id = ?").param(id).update();
		audit.record("IMPORT_MAPPING_DELETE", "import_mapping", before.name(),
				messages.message("imports.mapping.audit.deleted", before.name(), before.kind().label()),
				describe(before.columns()), null);
	}

	private String name(String name, Long id) {
		String clean = name == null ? "" : name.strip();
		if (clean.isEmpty()) {
			throw Refusal.of("imports.mapping.error.noName");
		}
		if (clean.length() > MAX_NAME) {
			throw Refusal.of("imports.mapping.error.longName", MAX_NAME);
		}
		Optional<Saved> same = byName(clean);
		if (same.isPresent() && (id == null || same.get().id() != id)) {
			throw Refusal.of("imports.mapping.error.taken", clean);
		}
		return clean;
	}

	/** "主办人工号=办案人员编码" lines, for the audit log. */
	private static String describe(Map<String, String> columns) {
		return columns.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n"));
	}

	private Saved saved(ResultSet rs, int n) throws SQLException {
		return new Saved(rs.getLong("id"), rs.getString("name"), ImportKind.fromPath(rs.getString("kind")).orElseThrow(),
				json.readValue(rs.getString("columns"), COLUMNS),
				List.copyOf(new LinkedHashSet<>(json.readValue(rs.getString("headers"), HEADERS))),
				rs.getString("header_key"), rs.getString("created_by"),
				rs.getTimestamp("updated_at").toLocalDateTime());
	}

}
