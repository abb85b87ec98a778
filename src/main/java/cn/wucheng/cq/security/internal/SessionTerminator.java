package cn.wucheng.cq.security.internal;

import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;

import cn.wucheng.cq.security.AccountPrincipal;

/**
 * Ends a user's sessions: every signed-in session is registered in Spring Security's {@link SessionRegistry}
 * (concurrency control with unlimited sessions), and an expired one is refused at its next request by the
 * ConcurrentSessionFilter. Used at logout, when an account is disabled, its role/unit/person changes or its password
 * is reset. The registry lives in this JVM: one application instance (the deployment of this system).
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
		for (Object principal : registry.getAllPrincipals()) {
			if (principal instanceof AccountPrincipal p && p.getUsername().equalsIgnoreCase(username)) {
				for (SessionInformation session : registry.getAllSessions(principal, false)) {
					if (!Objects.equals(session.getSessionId(), keepSessionId)) {
						session.expireNow();
						ended++;
					}
				}
			}
		}
		return ended;
	}

}
