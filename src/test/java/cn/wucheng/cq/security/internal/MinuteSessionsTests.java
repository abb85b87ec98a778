package cn.wucheng.cq.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.TestClock;

/**
 * Issue 16 item 4: a session in the database has its last access written once a minute, not at every request — one
 * user's concurrent requests queued on the row of his session (1,000 answers a second instead of 6,000 on the
 * province benchmark). Attributes are written as before. The context is SessionTests'.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
class MinuteSessionsTests {

	@Autowired
	MinuteSessions sessions;

	@Autowired
	FindByIndexNameSessionRepository<? extends Session> repository;

	@Autowired
	JdbcClient jdbc;

	private Instant storedAccess(String id) {
		return Instant.ofEpochMilli(jdbc.sql("select last_access_time from spring_session where session_id = ?")
			.param(id)
			.query(Long.class)
			.single());
	}

	private boolean storedAttribute(String id, String name) {
		return jdbc.sql("""
				select count(*) from spring_session_attributes a join spring_session s on s.primary_id = a.session_primary_id
				where s.session_id = ? and a.attribute_name = ?""").params(id, name).query(Integer.class).single() > 0;
	}

	@Test
	void theLastAccessIsWrittenOnceItIsAMinuteOldAndAttributesAtOnce() {
		MinuteSessions.MinuteSession created = sessions.createSession();
		Instant start = created.getLastAccessedTime().truncatedTo(ChronoUnit.MILLIS);
		created.setLastAccessedTime(start);
		sessions.save(created);
		String id = created.getId();
		assertThat(storedAccess(id)).isEqualTo(start);

		MinuteSessions.MinuteSession soon = sessions.findById(id);
		soon.setLastAccessedTime(start.plusSeconds(59));
		sessions.save(soon);
		assertThat(storedAccess(id)).as("59 s later: not written").isEqualTo(start);

		MinuteSessions.MinuteSession changed = sessions.findById(id);
		changed.setLastAccessedTime(start.plusSeconds(59));
		changed.setAttribute("cq.minute-test", "kept");
		sessions.save(changed);
		assertThat(storedAttribute(id, "cq.minute-test")).as("an attribute is written at once").isTrue();
		assertThat(storedAccess(id)).isEqualTo(start);

		MinuteSessions.MinuteSession later = sessions.findById(id);
		later.setLastAccessedTime(start.plusSeconds(60));
		sessions.save(later);
		assertThat(storedAccess(id)).as("a minute later: written").isEqualTo(start.plusSeconds(60));
		assertThat(sessions.findById(id).<String>getAttribute("cq.minute-test")).isEqualTo("kept");
		sessions.deleteById(id);
		assertThat(sessions.findById(id)).isNull();
	}

	@Test
	void theSessionRegistryAndTheFilterUseTheseSessions() {
		assertThat(repository).isSameAs(sessions);
	}

}
