package cn.wucheng.cq.security.internal;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.stereotype.Component;

import cn.wucheng.cq.shared.DatabaseBusy;

/**
 * What the security filters answer when a request is not signed in or not allowed: for {@code /api/**} 401 with a
 * Basic challenge or 403, both with the API's error body {@code {"errors":[{"message":"…"}]}}; for pages the
 * redirect to the login page and the 403 error page.
 */
@Component
class ApiAwareErrorResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final AccessDeniedHandler pages = new AccessDeniedHandlerImpl();

	private final LoginUrlAuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint("/login");

	private final MessageSource messages;

	ApiAwareErrorResponses(MessageSource messages) {
		this.messages = messages;
		login.setFavorRelativeUris(true); // behind a reverse proxy the absolute URL could name the wrong host
	}

	static boolean isApi(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length()).startsWith("/api/");
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
			throws IOException, ServletException {
		if (DatabaseBusy.causedBy(e)) {
			throw e; // not a wrong password: the database gave no connection in time (DatabaseBusyFilter: 503)
		}
		if (isApi(request)) {
			unauthorized(response);
		}
		else {
			login.commence(request, response, e);
		}
	}

	/** 401 with a Basic challenge: for scripts. */
	private void unauthorized(HttpServletResponse response) throws IOException {
		response.setHeader("WWW-Authenticate", "Basic realm=\"cq\", charset=\"UTF-8\"");
		write(response, HttpServletResponse.SC_UNAUTHORIZED, "account.signInRequired");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
			throws IOException, ServletException {
		if (!isApi(request)) {
			pages.handle(request, response, e);
			return;
		}
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || auth instanceof AnonymousAuthenticationToken) {
			// e.g. a POST without credentials fails the CSRF check first: still "sign in", not "forbidden"
			unauthorized(response);
			return;
		}
		write(response, HttpServletResponse.SC_FORBIDDEN, "error.forbidden");
	}

	private void write(HttpServletResponse response, int status, String key) throws IOException {
		String message = messages.getMessage(key, null, LocaleContextHolder.getLocale());
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write("{\"errors\":[{\"message\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"")
				+ "\"}]}");
	}

}
