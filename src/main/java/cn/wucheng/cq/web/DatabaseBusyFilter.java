package cn.wucheng.cq.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.wucheng.cq.shared.DatabaseBusy;

/**
 * A request that got no database connection in time ({@link DatabaseBusy}) — in a controller, while rendering, or in
 * a security filter (sign-in) — answers 503 with {@code Retry-After}: the error page says the system is busy, the API
 * the same in its error body ({@link ApiErrorAttributes}). Around everything else, so the security filters' failures
 * are caught too; the error page itself needs no database.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class DatabaseBusyFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(DatabaseBusyFilter.class);

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | RuntimeException e) {
			if (!DatabaseBusy.causedBy(e) || response.isCommitted()) {
				throw e;
			}
			log.warn("Database busy, 503 for {} {}: {}", request.getMethod(), request.getRequestURI(),
					rootMessage(e));
			response.reset();
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseBusy.RETRY_AFTER_SECONDS));
			response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		}
	}

	private static String rootMessage(Throwable e) {
		Throwable t = e;
		while (t.getCause() != null && t.getCause() != t) {
			t = t.getCause();
		}
		return t.getMessage();
	}

}
