package cn.wucheng.cq.faults;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.wucheng.cq.demo.DemoLoader;
import cn.wucheng.cq.support.HeldConnections;
import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.WebUser;

/**
 * No request holds more than one pooled connection (issue 11: twelve concurrent case lists each held one of ten
 * connections and waited for a second, and nothing answered again). With a pool of two, HikariCP's leak detection on
 * and a short connection timeout, every list page of the menu (and the list APIs) is asked ten times at once, over
 * real HTTP by signed-in users, on the demo county (a year of cases). A stall shows as a request over the bound, a
 * 5xx (a request that got no connection in time) or a leak warning (a connection held for seconds); and
 * {@link HeldConnections} names any request thread that asked for a second connection while it held one.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "cq.test.context=faults-pool", "CQ_LEGAL_PASSWORD=" + OneConnectionPerRequestTests.PASSWORD,
				"CQ_ADMIN_PASSWORD=" + OneConnectionPerRequestTests.PASSWORD,
				"CQ_AUDIT_PASSWORD=" + OneConnectionPerRequestTests.PASSWORD,
				"spring.datasource.hikari.maximum-pool-size=2", "spring.datasource.hikari.minimum-idle=2",
				"spring.datasource.hikari.leak-detection-threshold=" + OneConnectionPerRequestTests.LEAK_MS,
				"spring.datasource.hikari.connection-timeout=5000",
				// Flyway at start holds more than two connections (its main one, the migration's, the lock's): it gets
				// its own, outside the pool under test
				"spring.flyway.url=${spring.datasource.url}", "spring.flyway.user=${spring.datasource.username}",
				"spring.flyway.password=${spring.datasource.password}" })
@Import(HeldConnections.Config.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Isolated // timing or process-wide state (loggers, the pool, the clock): runs alone
class OneConnectionPerRequestTests {

	static final String PASSWORD = "Pool-Of-Two-Test-1";

	/** HikariCP's smallest leak threshold: a connection held longer is reported. */
	static final long LEAK_MS = 2000;

	static final int CONCURRENT = 10;

	/** No request of a list page may take longer, ten at a time on two connections and two cores. */
	static final Duration BOUND = Duration.ofSeconds(30);

	@LocalServerPort
	int port;

	@Autowired
	HeldConnections held;

	@Autowired
	DemoLoader demo;

	private final ListAppender<ILoggingEvent> hikariLog = new ListAppender<>();

	@Autowired
	JdbcClient jdbc;

	private int year;

	private long squad;

	@BeforeAll
	void demoCountyAndHikariLogCaptured() {
		year = demo.load().year();
		squad = jdbc.sql("select min(id) from unit where type = 'DIRECT_SQUAD'").query(Long.class).single();
		hikariLog.start();
		for (String name : List.of("com.zaxxer.hikari.pool.ProxyLeakTask", "com.zaxxer.hikari")) {
			Logger logger = (Logger) LoggerFactory.getLogger(name);
			logger.setLevel(Level.WARN);
			logger.addAppender(hikariLog);
		}
	}

	@AfterAll
	void releaseLog() {
		for (String name : List.of("com.zaxxer.hikari.pool.ProxyLeakTask", "com.zaxxer.hikari")) {
			((Logger) LoggerFactory.getLogger(name)).detachAppender(hikariLog);
		}
	}

	/** The GET pages of the menu and the list APIs of the 法制科, who reads everything. */
	List<String> legalLists() {
		return List.of("/", "/dashboard", "/reminders", "/scores", "/scores?period=" + year,
				"/rankings", "/rankings?period=" + year + "-Q2", "/publication", "/standards",
				"/standards?period=" + year + "-Q2", "/coverage", "/coverage?year=" + year, "/cases",
				"/cases?flagged=true", "/cases?handler=%E5%BC%A0", "/casework/squads", "/casework/squads/" + squad,
				"/casework/squads/" + squad + "/reviews",
				"/casework/lists", "/recording/compliance", "/legal-reviews", "/legal-reviews/rates",
				"/evaluations/rounds", "/evaluations/results", "/evaluations/mine", "/evaluation-items",
				"/training/plans", "/training/sessions", "/training/hours", "/supervision/tasks",
				"/supervision/meetings", "/supervision/reports", "/supervision/assessment/officers",
				"/supervision/assessment/units", "/rollout", "/calendar", "/units", "/people", "/domains", "/imports",
				"/settings", "/deduction-items", "/api/v1/scores?period=" + year,
				"/api/v1/rankings?period=" + year + "-Q2", "/api/v1/standards?period=" + year + "-Q2",
				"/api/v1/coverage?year=" + year);
	}

	@Test
	void everyListPageAskedTenTimesAtOnceOnAPoolOfTwoAnswersInTimeWithOneConnectionPerRequest() throws Exception {
		WebUser legal = WebUser.signIn(port, "legal", PASSWORD);
		WebUser admin = WebUser.signIn(port, "admin", PASSWORD);
		WebUser audit = WebUser.signIn(port, "audit", PASSWORD);
		held.clear();
		hikariLog.list.clear();

		List<String> failures = Collections.synchronizedList(new ArrayList<>());
		List<String> timings = new ArrayList<>();
		List<Object[]> pages = new ArrayList<>();
		legalLists().forEach(p -> pages.add(new Object[] { legal, p }));
		pages.add(new Object[] { admin, "/admin/users" });
		pages.add(new Object[] { audit, "/audit" });
		ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT);
		try {
			for (Object[] page : pages) {
				WebUser user = (WebUser) page[0];
				String path = (String) page[1];
				List<Future<Long>> answers = new ArrayList<>();
				for (int i = 0; i < CONCURRENT; i++) {
					answers.add(pool.submit(() -> {
						long t0 = System.nanoTime();
						HttpResponse<String> r = user.get(path);
						long ms = (System.nanoTime() - t0) / 1_000_000;
						if (r.statusCode() != 200) {
							failures.add(path + " answered " + r.statusCode() + " after " + ms + " ms");
						}
						return ms;
					}));
				}
				long slowest = 0;
				for (Future<Long> answer : answers) {
					try {
						slowest = Math.max(slowest, answer.get(BOUND.toMillis(), TimeUnit.MILLISECONDS));
					}
					catch (java.util.concurrent.TimeoutException e) {
						failures.add(path + " gave no answer within " + BOUND);
						answer.cancel(true);
					}
					catch (java.util.concurrent.ExecutionException e) {
						failures.add(path + " failed: " + e.getCause());
					}
				}
				timings.add(path + " " + slowest + " ms");
			}
		}
		finally {
			pool.shutdownNow();
		}
		System.out.println("slowest of " + CONCURRENT + " concurrent requests per page, pool of 2:\n  "
				+ String.join("\n  ", timings));

		SoftAssertions.assertSoftly(soft -> {
			soft.assertThat(held.offences()).as("requests that asked for a second connection while holding one")
				.isEmpty();
			soft.assertThat(failures).as("stalled or failed requests").isEmpty();
			soft.assertThat(hikariLog.list.stream().map(ILoggingEvent::getFormattedMessage).toList())
				.as("HikariCP warnings (leaks: a connection held over " + LEAK_MS + " ms)")
				.isEmpty();
		});
	}

}
