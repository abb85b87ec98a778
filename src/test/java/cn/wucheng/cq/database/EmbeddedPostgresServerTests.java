package cn.wucheng.cq.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The default database (issue "Nothing lost, nothing stuck"): the embedded PostgreSQL under the data directory keeps
 * what it acknowledged, also when the JVM that ran it is killed with -9, and comes back at the next start.
 */
@Tag("nodb")
@ResourceLock("cq.embedded-server") // the library shares prepared binaries between servers of one JVM
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbeddedPostgresServerTests {

	/**
	 * One data directory for the class (issue 15): each new one cost its own unpacking of the binaries and initdb, about
	 * 4 s. The tests use tables of their own; the password test runs first, so it still sees the first start of a
	 * fresh cluster secure it; the kill test keeps a directory of its own (its first round kills a fresh cluster's JVM).
	 */
	@TempDir
	static Path data;

	@Test
	@Order(1)
	void everyConnectionNeedsTheGeneratedPasswordWhichOnlyTheOwnerCanRead() throws Exception {
		assertThat(data.resolve("pg")).as("a fresh cluster").doesNotExist();
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0)) {
			assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), EmbeddedPostgresServer.USER, ""))
				.isInstanceOf(SQLException.class);
			assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), EmbeddedPostgresServer.USER, "x"))
				.isInstanceOf(SQLException.class);
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("pg-password"))))
				.isEqualTo("rw-------");
		}
	}

	@Test
	void aSecondStartOnTheSameDataDirectoryFindsItsData() throws Exception {
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0)) {
			jdbc(server).sql("create table kept (name text)").update();
			jdbc(server).sql("insert into kept values ('执法一中队')").update();
		}
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0)) {
			assertThat(jdbc(server).sql("select name from kept").query(String.class).list()).containsExactly("执法一中队");
		}
	}

	@Test
	void theServerRunsWithDurableSettingsNotTheLibrarysTestDefaults() throws Exception {
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0)) {
			for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
				assertThat(jdbc(server).sql("show " + setting).query(String.class).single()).as(setting).isEqualTo("on");
			}
		}
	}

	@Test
	void aSecondInstanceOnTheSameDataDirectoryIsRefusedWhileTheFirstRuns() throws Exception {
		try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(data, 0)) {
			assertThatThrownBy(() -> EmbeddedPostgresServer.start(data, 0)).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("in use by another running instance");
			assertThat(jdbc(first).sql("select 1").query(Integer.class).single()).isEqualTo(1);
		}
	}

	/**
	 * A JVM of its own starts the server, commits rows and is killed with SIGKILL right after the commit returned:
	 * its postmaster lives on. The next start stops that orphan and finds every acknowledged row. Two rounds: the
	 * first on a fresh cluster, the second on one that came back from a kill; a third round repeated the second
	 * (issue 15: about 5 s of child JVM and restarts that proved nothing new).
	 */
	@Test
	void rowsCommittedJustBeforeTheJvmIsKilledWithMinus9AreThereAtTheNextStart(@TempDir Path data) throws Exception {
		for (int round = 1; round <= 2; round++) {
			Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
					"-cp", System.getProperty("java.class.path"), Child.class.getName(), data.toString(),
					String.valueOf(round))
				.redirectErrorStream(true)
				.start();
			BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
			String line;
			String last = "";
			while ((line = out.readLine()) != null) {
				last = line;
				if (line.startsWith("COMMITTED")) {
					break;
				}
			}
			assertThat(last).as("the child's last line").startsWith("COMMITTED");
			child.destroyForcibly(); // kill -9: no shutdown hook, no clean stop of the server
			assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
			assertThat(Files.exists(data.resolve("pg/postmaster.pid"))).as("the orphaned postmaster's pid file").isTrue();

			try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0)) {
				assertThat(jdbc(server).sql("select count(*) from acknowledged").query(Long.class).single())
					.as("round " + round).isEqualTo(1000L * round);
			}
		}
	}

	/** The child JVM of the kill test: each round adds 1,000 rows in one transaction, then says so. */
	static final class Child {

		public static void main(String[] args) throws Exception {
			EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(args[0]), 0);
			int round = Integer.parseInt(args[1]);
			try (Connection c = DriverManager.getConnection(server.jdbcUrl(), EmbeddedPostgresServer.USER,
					server.password()); var s = c.createStatement()) {
				s.execute("create table if not exists acknowledged (round int, n int)");
				c.setAutoCommit(false);
				s.execute("insert into acknowledged select " + round + ", g from generate_series(1, 1000) g");
				c.commit();
			}
			System.out.println("COMMITTED " + round);
			System.out.flush();
			Thread.sleep(60_000); // killed before this ends
		}

	}

	private static JdbcClient jdbc(EmbeddedPostgresServer server) throws SQLException {
		return JdbcClient.create(new SingleConnectionDataSource(
				DriverManager.getConnection(server.jdbcUrl(), EmbeddedPostgresServer.USER, server.password()), true));
	}

}
