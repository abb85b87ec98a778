package cn.wucheng.cq.security.internal;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/** After a form login: audit it, then go where the user was headed (or the home page). */
@Component
class LoginSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {

	private final LoginAttempts attempts;

	private final SessionLimits sessionLimits;

	LoginSuccessHandler(LoginAttempts attempts, SessionLimits sessionLimits) {
		this.attempts = attempts;
		this.sessionLimits = sessionLimits;
		setDefaultTargetUrl("/");
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws ServletException, IOException {
		attempts.recordLogin(authentication.getName());
		sessionLimits.signedIn(request);
		super.onAuthenticationSuccess(request, response, authentication);
	}

}
