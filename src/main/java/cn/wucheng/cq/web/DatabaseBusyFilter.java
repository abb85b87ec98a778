package cn.wucheng.cq.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

import cn.wucheng.cq.shared.DatabaseBusy;

/**
 * A request that got no database connection in time ({@link DatabaseBusy}) — in a controller, while rendering, or in
 * a security filter (sign-in) — answers 503 with {@code Retry-After}: the error page says the system is busy, the API
 * the same in its error body. Around everything else, so the security filters' failures are caught too.
 * <p>
 * The answer is written here, not by an error dispatch: with sessions in the database (issue 16) an error dispatch
 * passes the session filter again, which needs the very pool that is busy, and Tomcat's plain page would be shown.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class DatabaseBusyFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(DatabaseBusyFilter.class);

	private final MessageSource messages;

	DatabaseBusyFilter(MessageSource messages) {
		this.messages = messages;
	}

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
			response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseBusy.RETRY_AFTER_SECONDS));
			answerBusy(request, response);
		}
	}

	/** The 503 answer without touching the database: a small page, or the API's error body. */
	private void answerBusy(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String busy = message("error.busy", request);
		response.setCharacterEncoding("UTF-8");
		if (ErrorHandling.isApi(request)) {
			response.setContentType("application/json;charset=UTF-8");
			response.getWriter().write("{\"errors\":[{\"message\":\"" + json(busy) + "\"}]}");
			return;
		}
		response.setContentType("text/html;charset=UTF-8");
		String title = HtmlUtils.htmlEscape(message("error.title", request));
		response.getWriter()
			.write("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
					+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + title
					+ "</title></head><body style=\"font-family:sans-serif;margin:2rem\"><h1>" + title + "</h1><p>"
					+ HtmlUtils.htmlEscape(busy) + "</p><p><a href=\"" + HtmlUtils.htmlEscape(request.getContextPath())
					+ "/\">" + HtmlUtils.htmlEscape(message("error.back", request)) + "</a></p></body></html>");
	}

	private String message(String key, HttpServletRequest request) {
		return messages.getMessage(key, null, request.getLocale());
	}

	private static String json(String text) {
		StringBuilder out = new StringBuilder();
		for (char c : text.toCharArray()) {
			if (c == '"' || c == '\\') {
				out.append('\\').append(c);
			}
			else if (c < 0x20) {
				out.append(String.format("\\u%04x", (int) c));
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

	private static String rootMessage(Throwable e) {
		Throwable t = e;
		while (t.getCause() != null && t.getCause() != t) {
			t = t.getCause();
		}
		return t.getMessage();
	}

}
