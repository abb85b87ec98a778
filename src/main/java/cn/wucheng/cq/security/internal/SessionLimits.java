package cn.wucheng.cq.security.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.session.SessionInformationExpiredEvent;
import org.springframework.security.web.session.SessionInformationExpiredStrategy;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * How long a signed-in session lives (等保 2.0 "登录连接超时自动退出", ASVS 7.3): it ends after the idle timeout
 * ({@code server.servlet.session.timeout}, 30 minutes) without a request (the last request known to the minute, so
 * up to a minute sooner), and at the latest
 * {@code cq.security.session-absolute-timeout} (8 hours) after sign-in however active it is. The servlet container
 * enforces the idle timeout too; this filter checks both against {@link Clock}, so tests can move time.
 * An ended session (here, or expired through {@link SessionTerminator}) sends a page to {@code /login?expired} and an
 * API call a 401 with the API's error body.
 */
@Component
class SessionLimits extends OncePerRequestFilter implements SessionInformationExpiredStrategy {

	/** When the user signed in (epoch milliseconds of the {@link Clock}). */
	static final String SIGNED_IN_AT = SessionLimits.class.getName() + ".signedInAt";

	static final String LAST_SEEN_AT = SessionLimits.class.getName() + ".lastSeenAt";

	static final String EXPIRED_URL = "/login?expired";

	private final Clock clock;

	private final Duration idle;

	private final Duration absolute;

	private final MessageSource messages;

	SessionLimits(Clock clock, @Value("${server.servlet.session.timeout:30m}") Duration idle,
			SecurityProperties properties, MessageSource messages) {
		this.clock = clock;
		this.idle = idle;
		this.absolute = properties.sessionAbsoluteTimeout();
		this.messages = messages;
	}

	/** Called at sign-in: the absolute limit counts from here. */
	void signedIn(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			long now = clock.instant().toEpochMilli();
			session.setAttribute(SIGNED_IN_AT, now);
			session.setAttribute(LAST_SEEN_AT, now);
		}
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (session != null && auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
			Instant now = clock.instant();
			Long signedIn = (Long) session.getAttribute(SIGNED_IN_AT);
			Long lastSeen = (Long) session.getAttribute(LAST_SEEN_AT);
			if (signedIn == null || lastSeen == null) {
				signedIn(request); // a session signed in some other way (e.g. the context saved after a change)
			}
			else if (now.isAfter(Instant.ofEpochMilli(signedIn).plus(absolute))
					|| now.isAfter(Instant.ofEpochMilli(lastSeen).plus(idle))) {
				session.invalidate();
				SecurityContextHolder.clearContext();
				expired(request, response);
				return;
			}
			else if (!now.isBefore(Instant.ofEpochMilli(lastSeen).plus(MinuteSessions.GRANULARITY))) {
				// to the minute, as the session's own last access (MinuteSessions): an attribute written at every
				// request is a database write at every request, which concurrent requests of one user queue on
				session.setAttribute(LAST_SEEN_AT, now.toEpochMilli());
			}
		}
		chain.doFilter(request, response);
	}

	/** A session expired through the registry (logout elsewhere, account disabled, role changed). */
	@Override
	public void onExpiredSessionDetected(SessionInformationExpiredEvent event) throws IOException {
		expired(event.getRequest(), event.getResponse());
	}

	private void expired(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (ApiAwareErrorResponses.isApi(request)) {
			String message = messages.getMessage("login.sessionExpired", null, LocaleContextHolder.getLocale());
			response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			response.getWriter().write("{\"errors\":[{\"message\":\"" + message + "\"}]}");
			return;
		}
		response.sendRedirect(request.getContextPath() + EXPIRED_URL);
	}

}
