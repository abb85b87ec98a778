package cn.wucheng.cq.imports.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * On PostgreSQL, the single-column foreign keys of a table checked once, set-based, at the end of a large import
 * instead of row by row (the per-row checks cost a large import more than storing its rows): dropped inside the
 * import's transaction, added again before it commits — adding a foreign key checks every row of the table in one
 * statement. All in the one transaction: should the import fail, the rollback brings the keys back unchanged; while it
 * runs, the transaction holds the table and the referenced tables exclusively (no one can delete a referenced row in
 * between, and readers wait for the commit). When the tables cannot be locked at once (others are using them), the
 * keys stay and are checked row by row as before.
 * <p>
 * Off unless {@code cq.imports.defer-foreign-keys=true}: while the keys are away every page that reads cases waits for
 * the import to commit (ALTER TABLE locks case_file for readers too), and the hardened database role of
 * {@code scripts/postgres-roles.sql} does not own the tables, so it could not drop them anyway. For a bulk load in a
 * maintenance window, as the table owner.
 */
final class DeferredForeignKeys {

	/** A dropped key: its name and definition, the column and the referenced table and column. */
	record Key(String name, String definition, String column, String refTable, String refColumn) {
	}

	private final JdbcTemplate template;

	private final String table;

	private final List<Key> keys;

	private DeferredForeignKeys(JdbcTemplate template, String table, List<Key> keys) {
		this.template = template;
		this.table = table;
		this.keys = keys;
	}

	/**
	 * Drops the table's foreign keys on these columns, waiting at most two seconds for the locks; answers null (and
	 * changes nothing) when that fails.
	 */
	static DeferredForeignKeys drop(JdbcTemplate template, String table, Set<String> columns) {
		List<Key> keys = template.query("""
				select con.conname, pg_get_constraintdef(con.oid), a.attname, con.confrelid::regclass::text, r.attname
				from pg_constraint con
				  join pg_attribute a on a.attrelid = con.conrelid and a.attnum = con.conkey[1]
				  join pg_attribute r on r.attrelid = con.confrelid and r.attnum = con.confkey[1]
				where con.conrelid = ?::regclass and con.contype = 'f' and cardinality(con.conkey) = 1
				order by con.conname""",
				(rs, i) -> new Key(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5)),
				table)
			.stream()
			.filter(k -> columns.contains(k.column()))
			.toList();
		if (keys.isEmpty()) {
			return null;
		}
		boolean dropped = inSavepoint(template, () -> {
			template.execute("set local lock_timeout = '2s'");
			for (Key k : keys) {
				template.execute("alter table " + table + " drop constraint " + quote(k.name()));
			}
			template.execute("set local lock_timeout to default");
		});
		return dropped ? new DeferredForeignKeys(template, table, keys) : null;
	}

	List<Key> keys() {
		return keys;
	}

	/**
	 * Adds the keys again, each checked over the whole table in one statement; answers false (the keys not added,
	 * the transaction usable) when a row refers to nothing — {@link #missing} names them.
	 */
	boolean restore() {
		return inSavepoint(template, () -> template.execute(addAll()));
	}

	/** One statement for all keys: PostgreSQL checks them in one pass over the table's pages instead of four. */
	private String addAll() {
		StringBuilder b = new StringBuilder("alter table ").append(table);
		for (int i = 0; i < keys.size(); i++) {
			Key k = keys.get(i);
			b.append(i == 0 ? " " : ", ").append("add constraint ").append(quote(k.name())).append(' ')
				.append(k.definition());
		}
		return b.toString();
	}

	/** Adds the keys again; a refusal is the database's error. */
	void restoreOrFail() {
		template.execute(addAll());
	}

	/** Rows whose value in the key's column refers to nothing: (value of keyColumn, value of the column), 1,000 at most. */
	List<Object[]> missing(Key k, String keyColumn) {
		return template.query("select t." + keyColumn + ", t." + k.column() + " from " + table + " t where t."
				+ k.column() + " is not null and not exists (select 1 from " + k.refTable() + " r where r."
				+ k.refColumn() + " = t." + k.column() + ") limit 1000",
				(rs, i) -> new Object[] { rs.getString(1), rs.getObject(2) });
	}

	private static String quote(String name) {
		return "\"" + name.replace("\"", "\"\"") + "\"";
	}

	/** Runs statements in a savepoint of the current transaction; on a database error rolls back to it. */
	private static boolean inSavepoint(JdbcTemplate template, Runnable statements) {
		DataSource dataSource = template.getDataSource();
		Connection c = DataSourceUtils.getConnection(dataSource);
		try {
			Savepoint savepoint = c.setSavepoint();
			try {
				statements.run();
				c.releaseSavepoint(savepoint);
				return true;
			}
			catch (DataAccessException e) {
				c.rollback(savepoint);
				return false;
			}
		}
		catch (SQLException e) {
			throw new UncategorizedSQLException("savepoint", "foreign keys", e);
		}
		finally {
			DataSourceUtils.releaseConnection(c, dataSource);
		}
	}

}
