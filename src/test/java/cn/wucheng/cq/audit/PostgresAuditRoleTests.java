package cn.wucheng.cq.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import cn.wucheng.cq.support.SharedContextLock;

/**
 * scripts/postgres-roles.sql on real PostgreSQL: the application role it creates reads and writes the tables and
 * appends to the audit log, but an UPDATE, DELETE or TRUNCATE of audit_log fails with "permission denied".
 */
@ResourceLock(providers = SharedContextLock.class)
// the owner: these tests tamper with or inspect what only the owner may (issue 16: the application connects as cq_app)
@SpringBootTest(properties = { "cq.test.context=postgres-roles", "cq.test.database-role=owner" })
class PostgresAuditRoleTests {

	static final String PASSWORD = cn.wucheng.cq.support.TestDatabaseInitializer.APP_PASSWORD; // one cq_app per test server

	@Autowired
	DataSource dataSource;

	@Test
	void theApplicationRoleCannotUpdateOrDeleteTheAuditLog() throws Exception {
		String script = Files.readString(Path.of("scripts/postgres-roles.sql"), StandardCharsets.UTF_8);
		try (Connection owner = dataSource.getConnection(); Statement s = owner.createStatement()) {
			s.execute(script);
			s.execute("alter role cq_app password '" + PASSWORD + "'");
			s.execute("""
					insert into audit_log (occurred_at, username, action, entity, entity_key)
					values (current_timestamp, 'owner', 'ROLE_TEST', 'app_user', 'pg-role')""");
		}
		// the test database's URL names its user (postgres): drop that so cq_app signs in
		String url = dataSource.unwrap(HikariDataSource.class).getJdbcUrl().replaceAll("\\?.*$", "");
		try (Connection app = DriverManager.getConnection(url, "cq_app", PASSWORD); Statement s = app.createStatement()) {
			assertThat(query(s, "select current_user")).isEqualTo("cq_app");
			// what the application does keeps working
			s.executeUpdate("""
					insert into audit_log (occurred_at, username, action, entity, entity_key)
					values (current_timestamp, 'cq_app', 'ROLE_TEST', 'app_user', 'pg-role')""");
			assertThat(query(s, "select count(*) from audit_log where action = 'ROLE_TEST'")).isEqualTo("2");
			s.executeUpdate("update app_user set display_name = display_name");
			s.executeUpdate("update audit_chain set last_hash = last_hash where id = 1");

			assertPermissionDenied(s, "update audit_log set detail = '改过' where action = 'ROLE_TEST'");
			assertPermissionDenied(s, "delete from audit_log where action = 'ROLE_TEST'");
			assertPermissionDenied(s, "truncate audit_log");
			assertPermissionDenied(s, "delete from flyway_schema_history");
			assertPermissionDenied(s, "create table sneaky (id int)");
		}
		try (Connection owner = dataSource.getConnection(); Statement s = owner.createStatement()) {
			assertThat(query(s, "select count(*) from audit_log where action = 'ROLE_TEST' and detail is null"))
				.isEqualTo("2");
		}
	}

	@Test
	void theScriptCanRunAgain() throws Exception {
		String script = Files.readString(Path.of("scripts/postgres-roles.sql"), StandardCharsets.UTF_8);
		try (Connection owner = dataSource.getConnection(); Statement s = owner.createStatement()) {
			s.execute(script);
			s.execute(script);
		}
	}

	private static void assertPermissionDenied(Statement s, String sql) {
		assertThatThrownBy(() -> s.execute(sql)).isInstanceOf(SQLException.class)
			.satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
	}

	private static String query(Statement s, String sql) throws SQLException {
		try (var rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
	}

}
