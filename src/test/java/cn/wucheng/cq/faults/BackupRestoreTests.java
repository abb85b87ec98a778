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
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.wucheng.cq.support.Bureau;

/**
 * 数据备份恢复: {@code scripts/backup.sh} and {@code scripts/restore.sh} as an operator runs them. A database with the
 * application's schema (all migrations) and data is backed up, then changed (rows deleted, changed and added), then
 * restored: every table has again exactly the rows of the backup (count and checksum per table). PostgreSQL: the
 * embedded server (15.10) with Debian's pg_dump/pg_restore 15 (skipped where those are not installed); H2: the file
 * database as the single-machine setup has it. Needs no Spring context.
 */
@Tag("nodb")
class BackupRestoreTests {

	private static final Path SCRIPTS = Path.of("scripts").toAbsolutePath();

	@TempDir
	Path dir;

	@Test
	void anH2DatabaseRestoredFromItsBackupHasExactlyTheBackedUpRowsAgain() throws Exception {
		Path data = dir.resolve("data");
		DataSource h2 = h2(data);
		migrateAndFill(h2, "备份一中队", "BAK-1");
		DatabaseSnapshot before = DatabaseSnapshot.of(h2);
		assertThat(before.rows("case_file")).isEqualTo(2);

		Path backup = dir.resolve("cq-h2.zip");
		Map<String, String> env = Map.of("H2_JAR", jarOf(org.h2.Driver.class));
		assertThat(run(env, "backup.sh", "h2", backup.toString(), data.toString())).startsWith("0:");
		assertThat(backup).isNotEmptyFile();

		damage(h2, "BAK-1");
		assertThat(DatabaseSnapshot.of(h2)).isNotEqualTo(before);

		assertThat(run(env, "restore.sh", "h2", backup.toString(), data.toString())).startsWith("0:");
		assertThat(DatabaseSnapshot.of(h2(data))).isEqualTo(before);
		try (var kept = Files.list(data)) {
			assertThat(kept.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("cq.mv.db.before-restore-"));
		}
	}

	@Test
	void anH2DatabaseInUseIsNotBackedUpAndTheOperatorIsToldToStopTheApplication() throws Exception {
		Path data = dir.resolve("busy");
		JdbcDataSource h2 = h2(data);
		migrateAndFill(h2, "备份二中队", "BAK-2");
		try (var open = h2.getConnection()) { // the running application holds the file
			String out = run(Map.of("H2_JAR", jarOf(org.h2.Driver.class)), "backup.sh", "h2",
					dir.resolve("busy.zip").toString(), data.toString());
			assertThat(out).startsWith("1:").contains("stop the application first");
			assertThat(dir.resolve("busy.zip")).doesNotExist();
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

	private static JdbcDataSource h2(Path data) {
		JdbcDataSource h2 = new JdbcDataSource();
		h2.setURL("jdbc:h2:file:" + data.resolve("cq")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE");
		h2.setUser("sa");
		h2.setPassword("");
		return h2;
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

	private static String jarOf(Class<?> type) throws Exception {
		return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
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
