package cn.wucheng.cq.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

import cn.wucheng.cq.support.TestDatabaseInitializer;

/**
 * Several instances on one PostgreSQL run each scheduled job once (issue 16 item 4): every {@code @Scheduled} job
 * carries a cluster lock, and two instances — two Spring contexts with pools of their own on one database, configured
 * by {@link ScheduledJobLocks} — firing the same job at the same moment, or a little apart as clocks differ, run it
 * once.
 */
@Isolated // timing or process-wide state (loggers, the pool, the clock): runs alone
class ScheduledJobLocksTests {

	/** Jobs that tidy what only their own instance holds, and why: they run on every instance. */
	static final Map<String, String> PER_INSTANCE = Map.of(); // none since waiting uploads live in the session (issue 16)

	@Test
	void everyScheduledJobButThoseTidyingTheirOwnInstanceHoldsANamedClusterLock() {
		List<String> jobs = new ArrayList<>();
		List<String> unlocked = new ArrayList<>();
		List<String> names = new ArrayList<>();
		for (var type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("cn.wucheng.cq")) {
			for (JavaMethod method : type.getMethods()) {
				if (!method.isAnnotatedWith(Scheduled.class)) {
					continue;
				}
				String job = type.getName() + "." + method.getName();
				jobs.add(job);
				if (method.isAnnotatedWith(SchedulerLock.class)) {
					SchedulerLock lock = method.getAnnotationOfType(SchedulerLock.class);
					names.add(lock.name());
					assertThat(lock.lockAtMostFor()).as(job).isNotBlank();
				}
				else if (!PER_INSTANCE.containsKey(job)) {
					unlocked.add(job);
				}
			}
		}
		// the reminder messages, the DingTalk webhook, the drop folder, the import history's clean-up, pending uploads
		assertThat(jobs).hasSizeGreaterThanOrEqualTo(5);
		assertThat(unlocked).as("@Scheduled without @SchedulerLock").isEmpty();
		assertThat(names).doesNotHaveDuplicates().allSatisfy(n -> assertThat(n).isNotBlank());
		assertThat(names).contains("reminder-webhook", "reminder-messages", "drop-folder", "import-history-cleanup",
				"pending-uploads-cleanup");
	}

	/** What both instances run: counts its runs in the test, takes a moment like a real job. */
	static class NightlyJob {

		static final AtomicInteger RUNS = new AtomicInteger();

		@SchedulerLock(name = "cluster-test-nightly", lockAtLeastFor = "PT30S", lockAtMostFor = "PT2M")
		public void run() throws InterruptedException {
			RUNS.incrementAndGet();
			Thread.sleep(300);
		}

	}

	@Test
	void twoInstancesOnOneDatabaseRunAJobOnceWhetherTheyFireTogetherOrAMomentApart() throws Exception {
		String database = emptyDatabaseWithTheLockTable();
		NightlyJob.RUNS.set(0);
		try (var a = instance(database); var b = instance(database)) {
			NightlyJob onA = a.getBean(NightlyJob.class);
			NightlyJob onB = b.getBean(NightlyJob.class);
			assertThat(onA).isNotSameAs(onB);
			ExecutorService threads = Executors.newFixedThreadPool(2);
			try {
				for (int round = 0; round < 5; round++) {
					CountDownLatch start = new CountDownLatch(1);
					Future<?> x = threads.submit(() -> { start.await(); onA.run(); return null; });
					Future<?> y = threads.submit(() -> { start.await(); onB.run(); return null; });
					start.countDown();
					x.get(10, TimeUnit.SECONDS);
					y.get(10, TimeUnit.SECONDS);
				}
				// instance B's clock a second behind: it fires after A's run ended; the lock outlives the run
				onA.run();
				Thread.sleep(1000);
				onB.run();
			}
			finally {
				threads.shutdownNow();
			}
			assertThat(NightlyJob.RUNS).hasValue(1);
			assertThat(new JdbcTemplate(a.getBean(DataSource.class))
				.queryForObject("select count(*) from shedlock where name = 'cluster-test-nightly' and lock_until > now() at time zone 'utc'",
						Integer.class))
				.as("the lock is held beyond the run (lockAtLeastFor)")
				.isEqualTo(1);
		}
	}

	/** One application instance's view of the database: a connection source of its own and the application's locks. */
	private static AnnotationConfigApplicationContext instance(String database) {
		EmbeddedPostgres pg = TestDatabaseInitializer.postgres();
		var context = new AnnotationConfigApplicationContext();
		context.registerBean(DataSource.class, () -> pg.getDatabase("postgres", database));
		context.registerBean(NightlyJob.class);
		context.register(ScheduledJobLocks.class);
		context.refresh();
		return context;
	}

	private static String emptyDatabaseWithTheLockTable() throws Exception {
		String name = "t" + UUID.randomUUID().toString().replace("-", "");
		EmbeddedPostgres pg = TestDatabaseInitializer.postgres();
		try (var c = pg.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
			s.execute("create database " + name + " encoding 'UTF8' template template0");
		}
		String migration = new ClassPathResource("db/migration/V8_41__scheduled_job_locks.sql")
			.getContentAsString(StandardCharsets.UTF_8);
		new JdbcTemplate(pg.getDatabase("postgres", name)).execute(migration);
		return name;
	}

}
