package cn.wucheng.cq.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.wucheng.cq.database.EmbeddedPostgresServer;
import cn.wucheng.cq.support.Bureau;

/**
 * 数据备份恢复: {@code scripts/backup.sh} and {@code scripts/restore.sh} as an operator runs them. A database with the
 * application's schema (all migrations) and data is backed up, then changed (rows deleted, changed and added), then
 * restored: every table has again exactly the rows of the backup (count and checksum per table). The embedded
 * PostgreSQL of the default setup (a file copy while stopped; a dump while running) and an external PostgreSQL, the
 * dumps with Debian's pg_dump/pg_restore 15 (skipped where those are not installed). Needs no Spring context.
 */
@Tag("nodb")
@ResourceLock("cq.embedded-server") // the library shares prepared binaries between servers of one JVM
class BackupRestoreTests {

	private static final Path SCRIPTS = Path.of("scripts").toAbsolutePath();

	@TempDir
	Path dir;

	@Test
	void anEmbeddedDatabaseCopiedWhileStoppedIsRestoredWithExactlyTheBackedUpRows() throws Exception {
		Path data = dir.resolve("data");
		DatabaseSnapshot before;
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0)) {
			migrateAndFill(dataSource(server), "备份一中队", "BAK-1");
			before = DatabaseSnapshot.of(dataSource(server));
			assertThat(before.rows("case_file")).isEqualTo(2);
		}
		Path backup = dir.resolve("cq-embedded.tar.gz");
		assertThat(run(Map.of(), "backup.sh", "embedded", backup.toString(), data.toString())).startsWith("0:")
			.contains("(stopped) copied");
		assertThat(backup).isNotEmptyFile();

		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0)) {
			damage(dataSource(server), "BAK-1");
			assertThat(DatabaseSnapshot.of(dataSource(server))).isNotEqualTo(before);
			// a file copy is never restored under a running server
			assertThat(run(Map.of(), "restore.sh", "embedded", backup.toString(), data.toString())).startsWith("1:")
				.contains("stop it first");
		}
		assertThat(run(Map.of(), "restore.sh", "embedded", backup.toString(), data.toString())).startsWith("0:");
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0)) {
			assertThat(DatabaseSnapshot.of(dataSource(server))).isEqualTo(before);
		}
		try (var kept = Files.list(data)) {
			assertThat(kept.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("pg.before-restore-"));
		}
	}

	@Test
	void anEmbeddedDatabaseDumpedWhileRunningIsRestoredWithExactlyTheBackedUpRows() throws Exception {
		assumeTrue(Files.isExecutable(Path.of("/usr/lib/postgresql/15/bin/pg_dump")),
				"Debian's postgresql-client-15 (pg_dump, pg_restore) is not installed");
		Path data = dir.resolve("online");
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0)) {
			DataSource db = dataSource(server);
			migrateAndFill(db, "备份二中队", "BAK-2");
			DatabaseSnapshot before = DatabaseSnapshot.of(db);
			Path dump = dir.resolve("cq-embedded.dump");
			assertThat(run(Map.of(), "backup.sh", "embedded", dump.toString(), data.toString())).startsWith("0:")
				.contains("(running, port " + server.port() + ") dumped");
			damage(db, "BAK-2");
			assertThat(run(Map.of(), "restore.sh", "embedded", dump.toString(), data.toString())).startsWith("0:");
			assertThat(DatabaseSnapshot.of(db)).isEqualTo(before);
		}
	}

	@Test
	void aPostgresDatabaseRestoredFromItsDumpHasExactlyTheBackedUpRowsAgain() throws Exception {
		assumeTrue(Files.isExecutable(Path.of("/usr/lib/postgresql/15/bin/pg_dump")),
				"Debian's postgresql-client-15 (pg_dump, pg_restore) is not installed");
		try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
			try (var c = pg.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
				s.execute("create database cq encoding 'UTF8' template template0");
			}
			DataSource db = pg.getDatabase("postgres", "cq");
			migrateAndFill(db, "备份三中队", "BAK-3");
			DatabaseSnapshot before = DatabaseSnapshot.of(db);
			assertThat(before.rows("case_file")).isEqualTo(2);

			Path dump = dir.resolve("cq.dump");
			Map<String, String> env = Map.of("PGHOST", "127.0.0.1", "PGPORT", String.valueOf(pg.getPort()), "PGUSER",
					"postgres", "PGDATABASE", "cq");
			assertThat(run(env, "backup.sh", "postgres", dump.toString())).startsWith("0:");
			assertThat(dump).isNotEmptyFile();

			damage(db, "BAK-3");
			assertThat(DatabaseSnapshot.of(db)).isNotEqualTo(before);

			assertThat(run(env, "restore.sh", "postgres", dump.toString())).startsWith("0:");
			assertThat(DatabaseSnapshot.of(db)).isEqualTo(before);
			// the sequences come back too: new rows get new ids, not the backed-up ones
			new Bureau(JdbcClient.create(db)).unit("备份后新单位", "直属中队");
		}
	}

	private static DataSource dataSource(EmbeddedPostgresServer server) {
		PGSimpleDataSource ds = new PGSimpleDataSource();
		ds.setUrl(server.jdbcUrl());
		ds.setUser(EmbeddedPostgresServer.USER);
		ds.setPassword(server.password());
		return ds;
	}

	/** The application's schema and a small bureau: a unit, two officers, two cases, a deduction. */
	private static void migrateAndFill(DataSource db, String unit, String prefix) {
		Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
		JdbcClient jdbc = JdbcClient.create(db);
		Bureau bureau = new Bureau(jdbc);
		long squad = bureau.unit(unit, "直属中队");
		long a = bureau.officer(prefix + "-A", "备份甲", squad);
		long b = bureau.officer(prefix + "-B", "备份乙", squad);
		long c1 = bureau.concludedCase(prefix + "-C1", "普通程序", squad, a, b, LocalDate.of(2024, 3, 1));
		bureau.concludedCase(prefix + "-C2", "简易程序", squad, b, a, LocalDate.of(2024, 4, 1));
		bureau.deductionItem(prefix + "-D", "备份扣分项", "1.5");
		bureau.returned(c1, prefix + "-D", LocalDate.of(2024, 5, 1));
	}

	/** What a mistake or an attack does: deletes a case and its return, renames people, adds a unit. */
	private static void damage(DataSource db, String prefix) {
		JdbcClient jdbc = JdbcClient.create(db);
		jdbc.sql("delete from case_return").update();
		jdbc.sql("delete from case_file where case_no = ?").param(prefix + "-C2").update();
		jdbc.sql("update person set name = '改过的'").update();
		new Bureau(jdbc).unit("备份后才有的单位", "直属中队");
	}

	/** Runs a script; "exit status:output". */
	static String run(Map<String, String> env, String script, String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("bash", SCRIPTS.resolve(script).toString()));
		command.addAll(List.of(args));
		ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
		pb.environment().putAll(env);
		Process p = pb.start();
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
		return p.exitValue() + ":" + out;
	}

}
