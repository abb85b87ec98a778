package cn.wucheng.cq.security.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.context.annotation.Primary;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

/**
 * The sessions in the database (issue 16 item 4) with their last access kept to the minute. Spring Session writes a
 * session's last access time at the end of every request, and concurrent requests of one user (a page and its htmx
 * fragments, several tabs) queue on that one row: on the province benchmark 50 connections of one signed-in user got
 * 1,000 answers a second from {@code /actuator/health} where 6,000 was the figure before the sessions moved to the
 * database — every request updating {@code spring_session} and waiting for the one before. Here the time is written
 * only once it is a minute old (spring-session#3329 does the same), so a session read many times a minute is written
 * at most once a minute; a session thus ends up to a minute before 30 idle minutes are over, never later. Whatever
 * else changes in a session (its attributes, its id, its timeout) is written as before.
 */
@Primary
@Component
class MinuteSessions implements FindByIndexNameSessionRepository<MinuteSessions.MinuteSession> {

	/** How stale the stored last access may be before a request writes it. */
	static final Duration GRANULARITY = Duration.ofMinutes(1);

	private final FindByIndexNameSessionRepository<Session> sessions;

	@SuppressWarnings("unchecked")
	MinuteSessions(JdbcIndexedSessionRepository sessions) {
		this.sessions = (FindByIndexNameSessionRepository<Session>) (FindByIndexNameSessionRepository<?>) sessions;
	}

	@Override
	public MinuteSession createSession() {
		return new MinuteSession(sessions.createSession());
	}

	@Override
	public void save(MinuteSession session) {
		sessions.save(session.stored);
	}

	@Override
	public MinuteSession findById(String id) {
		Session found = sessions.findById(id);
		return found == null ? null : new MinuteSession(found);
	}

	@Override
	public void deleteById(String id) {
		sessions.deleteById(id);
	}

	@Override
	public Map<String, MinuteSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
		Map<String, MinuteSession> found = new LinkedHashMap<>();
		sessions.findByIndexNameAndIndexValue(indexName, indexValue)
			.forEach((id, session) -> found.put(id, new MinuteSession(session)));
		return found;
	}

	/** A stored session whose last access is set only when the stored one is a minute old or more. */
	static final class MinuteSession implements Session {

		private final Session stored;

		MinuteSession(Session stored) {
			this.stored = stored;
		}

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			if (!lastAccessedTime.isBefore(stored.getLastAccessedTime().plus(GRANULARITY))) {
				stored.setLastAccessedTime(lastAccessedTime);
			}
		}

		@Override
		public Instant getLastAccessedTime() {
			return stored.getLastAccessedTime();
		}

		@Override
		public String getId() {
			return stored.getId();
		}

		@Override
		public String changeSessionId() {
			return stored.changeSessionId();
		}

		@Override
		public <T> T getAttribute(String attributeName) {
			return stored.getAttribute(attributeName);
		}

		@Override
		public Set<String> getAttributeNames() {
			return stored.getAttributeNames();
		}

		@Override
		public void setAttribute(String attributeName, Object attributeValue) {
			stored.setAttribute(attributeName, attributeValue);
		}

		@Override
		public void removeAttribute(String attributeName) {
			stored.removeAttribute(attributeName);
		}

		@Override
		public Instant getCreationTime() {
			return stored.getCreationTime();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			stored.setMaxInactiveInterval(interval);
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return stored.getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return stored.isExpired();
		}

	}

}
