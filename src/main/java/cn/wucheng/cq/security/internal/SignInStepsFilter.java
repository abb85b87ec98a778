package cn.wucheng.cq.security.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.wucheng.cq.security.AccountPrincipal;

/**
 * What a signed-in user must do before anything else, in this order:
 * <ol>
 * <li>verify his second factor — or, for one of the three administrators without one, enrol it
 * ({@value #SECOND_FACTOR_URL});</li>
 * <li>change a generated (API.md) or expired password ({@value #CHANGE_URL}).</li>
 * </ol>
 * Pages redirect there; the API answers 403 with the API's error body. HTTP Basic cannot carry a second factor, so
 * administrators and users with a second factor are refused on it (they use the pages).
 */
@Component
class SignInStepsFilter extends OncePerRequestFilter {

	static final String CHANGE_URL = "/account/password";

	static final String SECOND_FACTOR_URL = "/account/totp";

	private final MessageSource messages;

	SignInStepsFilter(MessageSource messages) {
		this.messages = messages;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (!(auth != null && auth.getPrincipal() instanceof AccountPrincipal p)) {
			chain.doFilter(request, response);
			return;
		}
		String uri = request.getRequestURI().substring(request.getContextPath().length());
		boolean always = uri.equals("/logout") || uri.startsWith("/webjars/") || uri.startsWith("/css/")
				|| uri.startsWith("/js/") || uri.equals("/error") || uri.equals("/manifest.webmanifest")
				|| uri.startsWith("/icons/");
		String authorization = request.getHeader("Authorization");
		if (p.secondFactorPending() && authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			SecurityContextHolder.clearContext();
			refuse(response, "account.secondFactor.noBasic");
			return;
		}
		if (p.secondFactorPending() && !always && !uri.equals(SECOND_FACTOR_URL)
				&& !uri.startsWith(SECOND_FACTOR_URL + "/")) {
			redirectOrRefuse(request, response, SECOND_FACTOR_URL, "account.secondFactor.required");
			return;
		}
		if (!p.secondFactorPending() && p.mustChangePassword() && !always && !uri.equals(CHANGE_URL)) {
			redirectOrRefuse(request, response, CHANGE_URL,
					p.passwordExpired() ? "account.password.expiredApi" : "account.password.mustChangeApi");
			return;
		}
		chain.doFilter(request, response);
	}

	private void redirectOrRefuse(HttpServletRequest request, HttpServletResponse response, String page, String key)
			throws IOException {
		if (ApiAwareErrorResponses.isApi(request)) {
			refuse(response, key);
		}
		else {
			response.sendRedirect(request.getContextPath() + page);
		}
	}

	private void refuse(HttpServletResponse response, String key) throws IOException {
		String message = messages.getMessage(key, null, LocaleContextHolder.getLocale());
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write("{\"errors\":[{\"message\":\"" + message.replace("\"", "\\\"") + "\"}]}");
	}

}
