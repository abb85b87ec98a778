package cn.wucheng.cq.security.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.context.annotation.Primary;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

import cn.wucheng.cq.bureau.Bureaus;

/**
 * The sessions in the database (issue 16 item 4) with their last access kept to the minute. Spring Session writes a
 * session's last access time at the end of every request, and concurrent requests of one user (a page and its htmx
 * fragments, several tabs) queue on that one row: on the province benchmark 50 connections of one signed-in user got
 * 1,000 answers a second from {@code /actuator/health} where 6,000 was the figure before the sessions moved to the
 * database — every request updating {@code spring_session} and waiting for the one before. Here the time is written
 * only once it is a minute old (spring-session#3329 does the same), so a session read many times a minute is written
 * at most once a minute; a session thus ends up to a minute before 30 idle minutes are over, never later. Whatever
 * else changes in a session (its attributes, its id, its timeout) is written as before.
 * <p>
 * What a request costs besides (issue 16, measured on the benchmark's path): a session is read once per request and
 * written only when something in it changed.
 * <ul>
 * <li>A save that changes nothing is not passed on (Spring Session 4.0's own save then writes nothing either; the
 * rule is kept here, next to the minute's, and tested in {@code SessionCostTests}).</li>
 * <li>Within one request ({@link #openRequest}), a second lookup of the same session answers the session already
 * read: the registry's (the security chain's check that the session was not ended elsewhere) and the one Spring
 * Session's filter repeats after the response is committed. The next request reads the database again, so a session
 * changed or ended on another instance is seen there at its next request, as before.</li>
 * <li>The sessions' tables are the installation's: reading them asks for no bureau ({@link Bureaus#ofTheInstallation}).
 * Asking for it made the data source look up the signed-in account, whose security context is in the session being
 * read — a nested second read of every session, and the connection's bureau set back and forth.</li>
 * </ul>
 */
@Primary
@Component
class MinuteSessions implements FindByIndexNameSessionRepository<MinuteSessions.MinuteSession> {

	/** How stale the stored last access may be before a request writes it. */
	static final Duration GRANULARITY = Duration.ofMinutes(1);

	/** The sessions read in the current request, by repository and id; none outside a request ({@link #openRequest}). */
	private static final ThreadLocal<Map<Read, MinuteSession>> REQUEST = new ThreadLocal<>();

	/** A session read by one repository (another instance of the application has its own). */
	private record Read(MinuteSessions repository, String id) {
	}

	private final FindByIndexNameSessionRepository<Session> sessions;

	@SuppressWarnings("unchecked")
	MinuteSessions(JdbcIndexedSessionRepository sessions) {
		this.sessions = (FindByIndexNameSessionRepository<Session>) (FindByIndexNameSessionRepository<?>) sessions;
	}

	/**
	 * Opens the current thread's request: until the returned scope is closed, a session read is kept and a second
	 * lookup of it answers the same. {@link RequestSessionScope} opens one around each request, outside Spring
	 * Session's filter. Nested calls share the outer scope.
	 */
	static RequestScope openRequest() {
		if (REQUEST.get() != null) {
			return () -> {
			};
		}
		REQUEST.set(new HashMap<>());
		return REQUEST::remove;
	}

	/** A request opened by {@link #openRequest}; closing it forgets its sessions. */
	@FunctionalInterface
	interface RequestScope extends AutoCloseable {

		@Override
		void close();

	}

	@Override
	public MinuteSession createSession() {
		return new MinuteSession(installation(sessions::createSession), true);
	}

	/** Writes what changed: nothing at all (no statement, no transaction) for a session read and not changed. */
	@Override
	public void save(MinuteSession session) {
		if (session.changed) {
			installation(() -> {
				sessions.save(session.stored);
				return null;
			});
			session.changed = false;
		}
		Map<Read, MinuteSession> request = REQUEST.get();
		if (request != null) {
			request.put(new Read(this, session.getId()), session);
		}
	}

	@Override
	public MinuteSession findById(String id) {
		Map<Read, MinuteSession> request = REQUEST.get();
		Read read = new Read(this, id);
		MinuteSession known = request == null ? null : request.get(read);
		if (known != null && known.getId().equals(id) && !known.isExpired()) {
			return known;
		}
		Session found = installation(() -> SessionStore.ReadsOutsideTransactions.reading(() -> sessions.findById(id)));
		MinuteSession session = found == null ? null : new MinuteSession(found, false);
		if (request != null) {
			request.remove(read);
			if (session != null) {
				request.put(read, session);
			}
		}
		return session;
	}

	@Override
	public void deleteById(String id) {
		Map<Read, MinuteSession> request = REQUEST.get();
		if (request != null) {
			request.remove(new Read(this, id));
		}
		installation(() -> {
			sessions.deleteById(id);
			return null;
		});
	}

	/** All sessions of a user, read afresh (ending them must see the ones made on other instances). */
	@Override
	public Map<String, MinuteSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
		Map<String, MinuteSession> found = new LinkedHashMap<>();
		installation(() -> SessionStore.ReadsOutsideTransactions.reading(
				() -> sessions.findByIndexNameAndIndexValue(indexName, indexValue)))
			.forEach((id, session) -> found.put(id, new MinuteSession(session, false)));
		return found;
	}

	private static <T> T installation(Supplier<T> work) {
		return Bureaus.ofTheInstallation(work);
	}

	/**
	 * A stored session whose last access is set only when the stored one is a minute old or more, and which knows
	 * whether anything was set since it was read or last saved. Spring Session's own session records what changed
	 * too, but says so only to its repository; with its save mode {@code ON_SET_ATTRIBUTE} (the default, kept by
	 * {@link SessionStore}) only the setters below change what it writes.
	 */
	static final class MinuteSession implements Session {

		private final Session stored;

		private boolean changed;

		MinuteSession(Session stored, boolean created) {
			this.stored = stored;
			this.changed = created;
		}

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			if (!lastAccessedTime.isBefore(stored.getLastAccessedTime().plus(GRANULARITY))) {
				stored.setLastAccessedTime(lastAccessedTime);
				changed = true;
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
			changed = true;
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
			changed = true;
			stored.setAttribute(attributeName, attributeValue);
		}

		@Override
		public void removeAttribute(String attributeName) {
			changed = true;
			stored.removeAttribute(attributeName);
		}

		@Override
		public Instant getCreationTime() {
			return stored.getCreationTime();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			changed = true;
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
