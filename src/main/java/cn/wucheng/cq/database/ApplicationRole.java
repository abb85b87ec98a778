package cn.wucheng.cq.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The role the application connects as (issue 16, isolation): {@code LOGIN NOSUPERUSER NOBYPASSRLS}, not the owner of
 * any table and no member of the owner, so PostgreSQL's row-level security binds it and it can neither switch the
 * policies off nor {@code set role} past them. It reads and writes the tables and uses the sequences; default
 * privileges give it the tables of later migrations, which run as the owner (spring.flyway.user).
 * <p>
 * The embedded server and the tests create it themselves; on an external PostgreSQL {@code scripts/postgres-roles.sql}
 * does the same (README, "Several instances": two accounts).
 */
public final class ApplicationRole {

	public static final String NAME = "cq_app";

	private ApplicationRole() {
	}

	/**
	 * Creates the role if missing (else resets its password and attributes) and grants it the database's tables, run
	 * on a connection of the owner (who runs the migrations) to the application's database. Idempotent.
	 */
	public static void prepare(Connection owner, String password) throws SQLException {
		if (!password.matches("[0-9A-Za-z-]+")) {
			throw new IllegalArgumentException("the application role's password must be letters, digits and '-'");
		}
		try (Statement s = owner.createStatement()) {
			s.execute("""
					do $$ begin
					  if not exists (select from pg_roles where rolname = '%1$s') then
					    create role %1$s login;
					  end if;
					end $$""".formatted(NAME));
			s.execute("alter role " + NAME
					+ " login nosuperuser nocreatedb nocreaterole noreplication nobypassrls noinherit password '"
					+ password + "'");
			s.execute("grant connect on database \"" + currentDatabase(s) + "\" to " + NAME);
			s.execute("grant usage on schema public to " + NAME);
			s.execute("revoke create on schema public from " + NAME);
			s.execute("grant select, insert, update, delete on all tables in schema public to " + NAME);
			s.execute("grant usage, select on all sequences in schema public to " + NAME);
			s.execute("alter default privileges in schema public grant select, insert, update, delete on tables to "
					+ NAME);
			s.execute("alter default privileges in schema public grant usage, select on sequences to " + NAME);
			// the schema's history belongs to the migrations
			s.execute("""
					do $$ begin
					  if exists (select from pg_tables where schemaname = 'public' and tablename = 'flyway_schema_history') then
					    revoke insert, update, delete, truncate on flyway_schema_history from %1$s;
					  end if;
					end $$""".formatted(NAME));
		}
	}

	private static String currentDatabase(Statement s) throws SQLException {
		try (var r = s.executeQuery("select current_database()")) {
			r.next();
			return r.getString(1);
		}
	}

}
