package cn.wucheng.cq.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.wucheng.cq.audit.AuditLog;
import cn.wucheng.cq.shared.Refusals;

/**
 * Logging out ends every session of the user, not only this browser's (a forgotten session on another desk goes
 * too), and is audited.
 */
@Component
class LogoutEverywhere implements LogoutHandler {

	private final SessionTerminator sessions;

	private final AuditLog audit;

	private final Refusals refusals;

	private final TransactionTemplate tx;

	LogoutEverywhere(SessionTerminator sessions, AuditLog audit, TransactionTemplate tx, Refusals refusals) {
		this.refusals = refusals;
		this.sessions = sessions;
		this.audit = audit;
		this.tx = tx;
	}

	@Override
	public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
		// Spring Security also runs the logout handlers when it signs out a session ended elsewhere: not a logout.
		if (authentication == null || sessions.endedAlready(request)) {
			return;
		}
		String username = authentication.getName();
		int ended = sessions.endAll(username);
		tx.executeWithoutResult(status -> audit.recordAs(username, "LOGOUT", "app_user", username,
				ended > 1 ? refusals.message("security.audit.logoutEverywhere", ended - 1)
						: refusals.message("security.audit.logout")));
	}

}
