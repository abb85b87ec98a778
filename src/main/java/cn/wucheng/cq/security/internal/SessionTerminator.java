package cn.wucheng.cq.security.internal;

import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;


/**
 * Ends a user's sessions: every signed-in session is in the database's session table (Spring Session JDBC) under its
 * username, which Spring Security's {@link SessionRegistry} reads (concurrency control with unlimited sessions); an
 * ended one is marked expired there and refused at its next request by the ConcurrentSessionFilter, on whichever
 * instance that request arrives (issue 16: several instances on one PostgreSQL). Used at logout, when an account is
 * disabled, its role/unit/person changes or its password is reset.
 */
@Component
class SessionTerminator {

	private final SessionRegistry registry;

	SessionTerminator(SessionRegistry registry) {
		this.registry = registry;
	}

	/** Whether the request's session was ended through the registry (the filter is about to sign it out). */
	boolean endedAlready(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		SessionInformation info = session == null ? null : registry.getSessionInformation(session.getId());
		return info != null && info.isExpired();
	}

	/** Ends every session of the user. Returns how many were live. */
	int endAll(String username) {
		return endAllBut(username, null);
	}

	/** Ends every session of the user except {@code keepSessionId} (his current one). */
	int endAllBut(String username, String keepSessionId) {
		int ended = 0;
		// the table keeps the principal's username, which is the account's own (sign-in matches it exactly)
		for (SessionInformation session : registry.getAllSessions(username, false)) {
			if (!Objects.equals(session.getSessionId(), keepSessionId)) {
				session.expireNow();
				ended++;
			}
		}
		return ended;
	}

}
