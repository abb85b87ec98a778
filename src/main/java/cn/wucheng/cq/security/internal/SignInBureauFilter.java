package cn.wucheng.cq.security.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.wucheng.cq.bureau.Bureaus;

/**
 * Signing in happens before the account — and so its bureau — is known (issue 16): the sign-in form's or a Basic
 * call's username names the account, {@code cq_account_bureau} (migration 9.01, usernames are unique in the
 * installation) its bureau, and the sign-in runs within that bureau: loading the account, counting failures, the
 * audit entry. An unknown username runs without a bureau, like any anonymous request. Not a bean: only the two
 * security chains run it.
 */
class SignInBureauFilter extends OncePerRequestFilter {

	private final JdbcClient jdbc;

	SignInBureauFilter(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String username = username(request);
		Long bureau = username == null || username.isBlank() ? null
				: jdbc.sql("select cq_account_bureau(?)").param(username).query(Long.class).optional().orElse(null);
		if (bureau == null) {
			chain.doFilter(request, response);
			return;
		}
		try {
			Bureaus.runAs(bureau, () -> {
				try {
					chain.doFilter(request, response);
				}
				catch (IOException | ServletException e) {
					throw new Wrapped(e);
				}
			});
		}
		catch (Wrapped w) {
			if (w.getCause() instanceof IOException io) {
				throw io;
			}
			throw (ServletException) w.getCause();
		}
	}

	private static String username(HttpServletRequest request) {
		if ("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath())) {
			return request.getParameter("username");
		}
		String header = request.getHeader("Authorization");
		if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
			try {
				String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()),
						StandardCharsets.UTF_8);
				int colon = decoded.indexOf(':');
				return colon > 0 ? decoded.substring(0, colon) : null;
			}
			catch (IllegalArgumentException e) {
				return null; // Spring Security answers the malformed header
			}
		}
		return null;
	}

	private static final class Wrapped extends RuntimeException {

		Wrapped(Exception cause) {
			super(cause);
		}

	}

}
