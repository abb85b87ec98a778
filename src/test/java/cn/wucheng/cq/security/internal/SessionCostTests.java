package cn.wucheng.cq.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.wucheng.cq.security.Role;
import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.TestClock;

/**
 * What a request costs in sessions (issue 16 item 4, the benchmark's path): a signed-in request read its session four
 * times (a nested read while the data source asked for the bureau, the registry's, Spring Session's after the
 * response), each in a transaction. Now one statement reads it and a request that changes nothing writes nothing —
 * while a session changed or ended through one instance is still seen by another at its next request. The context is
 * SessionTests'.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
// counts statements through the loggers: a context started or closed by a class running beside it (the test context
// cache closes the least recently used of its 32) resets Logback, which detached the capture mid-request (CI, 7 Dec)
@Isolated
class SessionCostTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	MinuteSessions sessions;

	@Autowired
	DataSource dataSource;

	@Autowired
	PlatformTransactionManager transactions;

	/** The statements and transactions the current thread ran on the sessions' tables while {@code work} ran. */
	private List<String> sessionSqlOf(ThrowingRunnable work) throws Exception {
		ListAppender<ILoggingEvent> log = new ListAppender<>();
		log.start();
		List<Logger> loggers = List.of((Logger) LoggerFactory.getLogger(JdbcTemplate.class),
				(Logger) LoggerFactory.getLogger(transactions.getClass()));
		List<Level> levels = loggers.stream().map(Logger::getLevel).toList();
		String thread = Thread.currentThread().getName();
		for (Logger logger : loggers) {
			logger.setLevel(Level.DEBUG);
			logger.addAppender(log);
		}
		try {
			work.run();
		}
		finally {
			for (int i = 0; i < loggers.size(); i++) {
				loggers.get(i).detachAppender(log);
				loggers.get(i).setLevel(levels.get(i));
			}
		}
		return log.list.stream()
			.filter(e -> e.getThreadName().equals(thread))
			.map(ILoggingEvent::getFormattedMessage)
			.filter(m -> m.contains("SPRING_SESSION") || m.contains("Creating new transaction"))
			.toList();
	}

	@FunctionalInterface
	interface ThrowingRunnable {

		void run() throws Exception;

	}

	private String version(String sessionId) {
		// PostgreSQL gives every written row version a new xmin: unchanged means not written
		return jdbc.sql("""
				select (select xmin::text from spring_session where session_id = :id) || ':' || coalesce((
				    select string_agg(a.xmin::text || a.attribute_name, ',' order by a.attribute_name)
				    from spring_session_attributes a join spring_session s on s.primary_id = a.session_primary_id
				    where s.session_id = :id), '')""").param("id", sessionId).query(String.class).single();
	}

	@Test
	void aSignedInRequestReadsItsSessionWithOneStatementAndWritesNothingWhenNothingChanged() throws Exception {
		new TestAccounts(jdbc, encoder).create("sess-cost", LoginTests.PASSWORD, Role.LEGAL, false);
		MockHttpSession session = TestAccounts.signIn(mvc, "sess-cost", LoginTests.PASSWORD);
		mvc.perform(get("/actuator/health").session(session)).andExpect(status().isOk());
		String id = (String) session.getAttribute(cn.wucheng.cq.support.MockMvcSessionIds.class.getName() + ".id");
		String before = version(id);

		List<String> sql = sessionSqlOf(
				() -> mvc.perform(get("/actuator/health").session(session)).andExpect(status().isOk()));

		assertThat(sql).as("one read, outside a transaction; no write, no transaction").hasSize(1);
		assertThat(sql.get(0)).contains("SELECT").contains("WHERE S.SESSION_ID = ?");
		assertThat(version(id)).as("the stored session is untouched").isEqualTo(before);
	}

	@Test
	void aSaveThatChangesNothingRunsNoStatementAndAChangeIsWrittenInATransaction() throws Exception {
		MinuteSessions.MinuteSession created = sessions.createSession();
		created.setAttribute("cq.cost-test", "one");
		sessions.save(created);
		String id = created.getId();
		String before = version(id);

		MinuteSessions.MinuteSession read = sessions.findById(id);
		assertThat(sessionSqlOf(() -> sessions.save(read))).isEmpty();
		assertThat(version(id)).isEqualTo(before);

		read.setAttribute("cq.cost-test", "two");
		List<String> sql = sessionSqlOf(() -> sessions.save(read));
		assertThat(sql.get(0)).contains("Creating new transaction");
		assertThat(sql).anyMatch(s -> s.contains("UPDATE SPRING_SESSION_ATTRIBUTES"));
		assertThat(version(id)).isNotEqualTo(before);
		assertThat(sessions.findById(id).<String>getAttribute("cq.cost-test")).isEqualTo("two");
		sessions.deleteById(id);
	}

	@Test
	void aSessionChangedOrEndedThroughOneInstanceIsSeenByAnotherAtItsNextRequest() {
		// instance B: its own repository on the same database, built as the application builds its own
		MinuteSessions b = new MinuteSessions(
				new SessionStore().jdbcSessions(dataSource, transactions, Duration.ofMinutes(30)));
		MinuteSessions.MinuteSession made = sessions.createSession();
		made.setAttribute("cq.instance-test", "made on A");
		sessions.save(made);
		String id = made.getId();

		try (MinuteSessions.RequestScope request = MinuteSessions.openRequest()) {
			MinuteSessions.MinuteSession seen = b.findById(id);
			assertThat(seen.<String>getAttribute("cq.instance-test")).isEqualTo("made on A");

			MinuteSessions.MinuteSession onA = sessions.findById(id);
			onA.setAttribute("cq.instance-test", "changed on A");
			sessions.save(onA);
			assertThat(b.findById(id)).as("within one request B reads the session once").isSameAs(seen);
		}
		try (MinuteSessions.RequestScope request = MinuteSessions.openRequest()) {
			assertThat(b.findById(id).<String>getAttribute("cq.instance-test")).as("B's next request")
				.isEqualTo("changed on A");
		}

		sessions.deleteById(id);
		try (MinuteSessions.RequestScope request = MinuteSessions.openRequest()) {
			assertThat(b.findById(id)).as("ended on A: gone on B at its next request").isNull();
		}
	}

	@Test
	void twoRequestsOfOneSessionThatBothSetANewAttributeBothSaveAndTheLaterOneStays() {
		// a fresh session's first views in parallel (two tabs, htmx requests, two instances): each has read the session
		// without the attribute, each adds it; the second insert was a duplicate key — a 500 — before the upsert
		MinuteSessions b = new MinuteSessions(
				new SessionStore().jdbcSessions(dataSource, transactions, Duration.ofMinutes(30)));
		MinuteSessions.MinuteSession made = sessions.createSession();
		sessions.save(made);
		String id = made.getId();
		MinuteSessions.MinuteSession first = sessions.findById(id);
		MinuteSessions.MinuteSession second = b.findById(id);

		first.setAttribute("cq.parallel-test", "first");
		second.setAttribute("cq.parallel-test", "second");
		sessions.save(first);
		b.save(second);

		assertThat(sessions.findById(id).<String>getAttribute("cq.parallel-test")).isEqualTo("second");
		sessions.deleteById(id);
	}

	@Test
	void outsideARequestEveryLookupReadsTheDatabase() {
		MinuteSessions.MinuteSession made = sessions.createSession();
		sessions.save(made);
		String id = made.getId();
		assertThat(sessions.findById(id)).isNotNull().isNotSameAs(sessions.findById(id));
		jdbc.sql("delete from spring_session where session_id = ?").param(id).update();
		assertThat(sessions.findById(id)).isNull();
	}

}
