package cn.wucheng.cq.security.internal;

import java.io.IOException;
import java.time.format.DateTimeFormatter;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

import cn.wucheng.cq.shared.DatabaseBusy;
import cn.wucheng.cq.shared.Refusals;

/**
 * A failed sign-in goes back to the login page ({@code /login?error}) saying what the user can do: a locked account
 * until when it is locked ("账号已锁定，请于 HH:mm 后再试…"), a wrong password how many tries are left before the lock.
 * <p>
 * Account enumeration (ASVS 5.0 V6.3.8): both are said only for an existing account, so an unknown username (and a
 * disabled account) gets the plain "用户名或密码错误" and can be told apart. Accepted on purpose: usernames are
 * 工号 printed on warrant cards and in every list of the bureau, the system is on the bureau's network only, and the
 * lock — not the secrecy of usernames — is what stops guessing; issue 13 had the system administrator locked out
 * for 15 minutes without knowing it, which cost more than the names it hides. SECURITY.md, 身份鉴别 b.
 * <p>
 * A database that gave no connection in time is no wrong password: the exception goes on to
 * {@code DatabaseBusyFilter}, which answers 503 "系统繁忙" (issue 11).
 */
@Component
class SignInFailureHandler implements AuthenticationFailureHandler {

	/** The flash attribute the login page shows. */
	static final String PROBLEM = "signInProblem";

	private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

	private final LoginAttempts attempts;

	private final Refusals refusals;

	private final SessionFlashMapManager flash = new SessionFlashMapManager();

	SignInFailureHandler(LoginAttempts attempts, Refusals refusals) {
		this.attempts = attempts;
		this.refusals = refusals;
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException e) throws IOException, ServletException {
		if (DatabaseBusy.causedBy(e)) {
			throw e;
		}
		String username = request.getParameter("username");
		String problem = username == null || !(e instanceof LockedException || e instanceof BadCredentialsException)
				? refusals.message("login.failed") : problem(username.trim());
		backToLogin(request, response, problem);
	}

	/** The message for a failed sign-in of this username: locked until, tries left, or the plain one. */
	String problem(String username) {
		return attempts.standing(username)
			.map(s -> s.locked() ? refusals.message("login.locked", s.lockedUntil().format(HH_MM))
					: refusals.message("login.triesLeft", s.triesLeft()))
			.orElseGet(() -> refusals.message("login.failed"));
	}

	/** To the login page with that message once (a flash attribute: a reload shows it no more). */
	void backToLogin(HttpServletRequest request, HttpServletResponse response, String problem) throws IOException {
		FlashMap map = new FlashMap();
		map.put(PROBLEM, problem);
		map.setTargetRequestPath(request.getContextPath() + "/login");
		flash.saveOutputFlashMap(map, request, response);
		response.sendRedirect(request.getContextPath() + "/login?error");
	}


}
