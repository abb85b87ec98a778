package cn.wucheng.cq.imports.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.wucheng.cq.audit.AuditLog;
import cn.wucheng.cq.imports.ImportKind;
import cn.wucheng.cq.shared.Refusals;

/**
 * The state of one import while it runs: problems, counts, audit entries waiting for the next batch, and the
 * database access the list importers share. Writing stops at the first error (the transaction is rolled back
 * anyway); validation goes on to the end so that every problem is reported at once.
 */
final class ImportRun {

	static final String AUDIT_ACTION_UPDATE = "IMPORT_UPDATE";

	static final String AUDIT_ACTION_CREATE = "IMPORT_CREATE";

	final ImportKind kind;

	final String fileName;

	final JdbcClient jdbc;

	final JdbcTemplate template;

	final Refusals messages;

	final LocalDate today;

	final Problems problems = new Problems();

	/** The keys of the file's rows so far, with the row of each (duplicates; rows named by a set-based check). */
	final KeyIndex keys = new KeyIndex();

	private final AuditLog audit;

	private final List<AuditLog.Entry> pendingAudit = new ArrayList<>();

	/**
	 * Whether a large case import may drop case_file's foreign keys and check them at its end
	 * ({@code cq.imports.defer-foreign-keys}, off by default: see {@link DeferredForeignKeys}).
	 */
	boolean deferForeignKeys;

	int created;

	int updated;

	int unchanged;

	ImportRun(ImportKind kind, String fileName, JdbcClient jdbc, JdbcTemplate template, Refusals messages,
			AuditLog audit, Clock clock) {
		this.today = LocalDate.now(clock);
		this.kind = kind;
		this.fileName = fileName;
		this.jdbc = jdbc;
		this.template = template;
		this.messages = messages;
		this.audit = audit;
	}

	/**
	 * False for a part of a split import (issue 16 item 3) once another bureau's part had an error: the whole file is
	 * rolled back anyway, so this part is only checked, for its problems.
	 */
	boolean mayWrite = true;

	/** Whether changes are still written: only while the file has no error at all. */
	boolean writing() {
		return mayWrite && problems.errorCount() == 0;
	}

	void error(int row, Column column, String key, Object... args) {
		problems.error(row, label(column), messages.message(key, args));
	}

	void warning(int row, Column column, String key, Object... args) {
		problems.warning(row, label(column), messages.message(key, args));
	}

	/** The file's header row once found: problems name a column as the file does (an alias if it uses one). */
	Header header;

	String label(Column column) {
		if (column == null) {
			return null;
		}
		return header == null ? column.header() : header.label(column);
	}

	long errorCount() {
		return problems.errorCount();
	}

	/** A JDBC batch with explicit SQL types, so that nulls bind alike on H2 and PostgreSQL. */
	void batch(String sql, List<Object[]> rows, int... types) {
		if (!rows.isEmpty()) {
			template.batchUpdate(sql, rows, types);
		}
	}

	/** An updated record: counted, and audited with the fields that changed, before and after. */
	void updated(String entity, String key, Changes changes) {
		updated++;
		pendingAudit.add(new AuditLog.Entry(AUDIT_ACTION_UPDATE, entity, key,
				messages.message("imports.audit.updated", kind.label(), fileName), changes.before(), changes.after()));
	}

	/** A record added to another catalogue on the way (a new deduction item). */
	void createdAlongside(String entity, String key, String after) {
		pendingAudit.add(new AuditLog.Entry(AUDIT_ACTION_CREATE, entity, key,
				messages.message("imports.audit.created", kind.label(), fileName), null, after));
	}

	void flushAudit() {
		if (!pendingAudit.isEmpty()) {
			if (writing()) {
				audit.recordAll(pendingAudit);
			}
			pendingAudit.clear();
		}
	}

	void recordImport(String detail) {
		audit.record("IMPORT", "import", kind.path(), detail, null, null);
	}

	/** The fields of a record that differ between the database and the file, as "列名=值" lines. */
	static final class Changes {

		private final Map<String, String> before = new LinkedHashMap<>();

		private final Map<String, String> after = new LinkedHashMap<>();

		Changes field(String label, Object stored, Object fromFile) {
			String s = display(stored);
			String f = display(fromFile);
			if (!Objects.equals(s, f)) {
				before.put(label, s);
				after.put(label, f);
			}
			return this;
		}

		boolean any() {
			return !before.isEmpty();
		}

		String before() {
			return lines(before);
		}

		String after() {
			return lines(after);
		}

		static String display(Object v) {
			if (v == null) {
				return "";
			}
			if (v instanceof java.math.BigDecimal d) {
				return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
			}
			return v.toString();
		}

		private static String lines(Map<String, String> m) {
			return m.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n"));
		}

	}

}
