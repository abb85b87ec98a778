package cn.wucheng.cq.imports.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * On PostgreSQL, rows written with {@code COPY … FROM STDIN} on the import's own connection (same transaction, so
 * all or nothing and every constraint, foreign keys included, still hold). One COPY per chunk, left streaming while
 * the importer reads and checks the next chunk — the database stores one chunk while the JVM parses the next, on the
 * second core — and completed ({@link #complete}) before the connection runs anything else. Absent on H2, whose
 * importers keep their JDBC batches.
 */
final class PgCopy {

	private final PGConnection connection;

	private final JdbcTemplate template;

	private CopyIn open;

	private String openSql;

	private String openTable;

	private String openColumns;

	private String staging;

	private PgCopy(PGConnection connection, JdbcTemplate template) {
		this.connection = connection;
		this.template = template;
	}

	/** The COPY writer of the transaction's connection when it is PostgreSQL's. */
	static Optional<PgCopy> of(JdbcTemplate template) {
		DataSource dataSource = template.getDataSource();
		Connection c = DataSourceUtils.getConnection(dataSource);
		try {
			if (c.isWrapperFor(PGConnection.class)) {
				return Optional.of(new PgCopy(c.unwrap(PGConnection.class), template));
			}
			return Optional.empty();
		}
		catch (SQLException e) {
			throw new org.springframework.jdbc.UncategorizedSQLException("COPY", "connection", e);
		}
		finally {
			DataSourceUtils.releaseConnection(c, dataSource); // bound to the import's transaction: stays open
		}
	}

	/**
	 * Starts {@code copy table (columns) from stdin} and sends the rows (text format) — the table one of a bureau, with
	 * bureau_id, which the rows get from the request; the COPY stays open until
	 * {@link #complete}. Values: null, String, Number, LocalDate (ISO) or an enum (its name).
	 */
	void start(String table, String columns, List<Object[]> rows) {
		complete();
		if (rows.isEmpty()) {
			return;
		}
		// issue 16: PostgreSQL refuses COPY FROM into a table under row-level security, so the rows go to a temporary
		// table of the same columns (no policy: it is this session's own) and from there, at complete(), into the table
		// with one INSERT … SELECT, which the policy checks and which gives bureau_id its default, the request's bureau
		staging = "cq_copy_" + table;
		template.execute("create temp table " + staging + " on commit drop as select " + columns + " from " + table
				+ " with no data");
		openTable = table;
		openColumns = columns;
		openSql = "copy " + staging + " (" + columns + ") from stdin";
		StringBuilder b = new StringBuilder(rows.size() * 160);
		for (Object[] row : rows) {
			for (int i = 0; i < row.length; i++) {
				if (i > 0) {
					b.append('\t');
				}
				value(b, row[i]);
			}
			b.append('\n');
		}
		byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
		try {
			open = connection.getCopyAPI().copyIn(openSql);
			open.writeToCopy(bytes, 0, bytes.length);
			open.flushCopy();
		}
		catch (SQLException e) {
			cancel();
			throw translate(openSql, e);
		}
	}

	/** Waits for the database to store what the open COPY sent (a no-op when none is open). */
	void complete() {
		if (open == null) {
			return;
		}
		CopyIn copy = open;
		open = null;
		try {
			copy.endCopy();
		}
		catch (SQLException e) {
			throw translate(openSql, e);
		}
		// bureau_id named with the request's bureau as one value for the statement (an InitPlan): left to its column
		// default, cq_bureau() was evaluated once per row, ~4 µs a row of the ~85 a province import pays
		template.execute("insert into " + openTable + " (" + openColumns + ", bureau_id) select " + openColumns
				+ ", (select cq_bureau()) from " + staging);
		template.execute("drop table " + staging);
	}

	/** Abandons an open COPY (reading failed): the transaction is rolled back anyway. */
	void cancel() {
		CopyIn copy = open;
		open = null;
		if (copy != null && copy.isActive()) {
			try {
				copy.cancelCopy();
			}
			catch (SQLException ignored) {
				// the connection reports the failure to the rollback that follows
			}
		}
	}

	private static void value(StringBuilder b, Object v) {
		if (v == null) {
			b.append("\\N");
			return;
		}
		String s = v instanceof Enum<?> e ? e.name() : v.toString();
		for (int i = 0; i < s.length(); i++) {
			char ch = s.charAt(i);
			switch (ch) {
				case '\\' -> b.append("\\\\");
				case '\t' -> b.append("\\t");
				case '\n' -> b.append("\\n");
				case '\r' -> b.append("\\r");
				default -> b.append(ch);
			}
		}
	}

	private RuntimeException translate(String sql, SQLException e) {
		RuntimeException translated = template.getExceptionTranslator().translate("COPY", sql, e);
		return translated != null ? translated : new org.springframework.jdbc.UncategorizedSQLException("COPY", sql, e);
	}

}
