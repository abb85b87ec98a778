package cn.wucheng.cq.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import cn.wucheng.cq.shared.BadPeriod;
import cn.wucheng.cq.shared.NotFoundException;
import cn.wucheng.cq.shared.Period;
import cn.wucheng.cq.shared.Refusal;
import cn.wucheng.cq.shared.Refusals;

/**
 * Turns the exceptions controllers and services throw into what a user can act on: for pages the error page with a
 * Chinese message and the right status, for {@code /api/**} the API's error body {@code {"errors":[{"message":"…"}]}}.
 * Never a stack trace. Anything not handled here falls to Spring Boot's error page, which {@link ApiErrorAttributes}
 * gives the same body for the API.
 */
@ControllerAdvice
class ErrorHandling {

	private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

	private final MessageSource messages;

	/** The handlers' own role rules (@PreAuthorize), asked before a bad period is answered. */
	private final PreAuthorizeAuthorizationManager roles = new PreAuthorizeAuthorizationManager();

	private final Refusals refusals;

	ErrorHandling(MessageSource messages, Refusals refusals) {
		this.messages = messages;
		this.refusals = refusals;
	}

	/** A refusal nobody caught: its message, with its status (400 unless the refusal says otherwise). */
	@ExceptionHandler(Refusal.class)
	Object refused(HttpServletRequest request, Refusal e) {
		return respond(request, e.status(), refusals.text(e));
	}

	@ExceptionHandler(AccessDeniedException.class)
	Object forbidden(HttpServletRequest request) {
		return respond(request, HttpStatus.FORBIDDEN, message("error.forbidden"));
	}

	@ExceptionHandler(NotFoundException.class)
	Object notFound(HttpServletRequest request, NotFoundException e) {
		return respond(request, HttpStatus.NOT_FOUND, userMessage(e, "error.notFound"));
	}

	/** An unknown URL (no controller, no static file). */
	@ExceptionHandler(NoResourceFoundException.class)
	Object noSuchPage(HttpServletRequest request) {
		return respond(request, HttpStatus.NOT_FOUND, message("error.notFound"));
	}

	/** A stale edit: someone else saved the record since the form was opened. */
	@ExceptionHandler(OptimisticLockingFailureException.class)
	Object conflict(HttpServletRequest request, OptimisticLockingFailureException e) {
		log.info("Stale edit refused: {}", e.getMessage());
		return respond(request, HttpStatus.CONFLICT, message("error.conflict"));
	}

	/**
	 * A period parameter that is not one, or not of the kind the page needs (a month where rankings want a quarter):
	 * one message for both, on pages and the API (issue 15 item 2). Other unreadable parameters go on to Spring's
	 * default 400.
	 */
	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	Object badParameter(HttpServletRequest request, MethodArgumentTypeMismatchException e, HandlerMethod handler) {
		if (e.getRequiredType() != Period.class && !(e.getMostSpecificCause() instanceof BadPeriod)) {
			throw e;
		}
		if (!roleAllows(handler)) {
			// the role check first, as for a good period: a role the page refuses learns nothing from its parameters
			return forbidden(request);
		}
		log.debug("Bad period parameter {}: {}", e.getName(), e.getValue());
		return respond(request, HttpStatus.BAD_REQUEST, message("period.bad"));
	}

	/**
	 * A period a form must send (the quarter of an appeal) sent empty: the converter reads it as none, Spring calls it
	 * missing; it is a bad period like any other. A parameter not sent at all goes on to Spring's default 400.
	 */
	@ExceptionHandler(MissingServletRequestParameterException.class)
	Object emptyPeriod(HttpServletRequest request, MissingServletRequestParameterException e, HandlerMethod handler)
			throws MissingServletRequestParameterException {
		if (!e.isMissingAfterConversion() || e.getMethodParameter() == null
				|| e.getMethodParameter().getNestedParameterType() != Period.class) {
			throw e;
		}
		return roleAllows(handler) ? respond(request, HttpStatus.BAD_REQUEST, message("period.bad")) : forbidden(request);
	}

	/** Bad input a service refused, with its (Chinese) message saying what and where. */
	@ExceptionHandler(IllegalArgumentException.class)
	Object badRequest(HttpServletRequest request, IllegalArgumentException e) {
		return respond(request, HttpStatus.BAD_REQUEST, userMessage(e, "error.generic"));
	}

	/**
	 * Whether the handler's {@code @PreAuthorize} lets the current user in. Parameters are converted before method
	 * security runs, so a bad period would otherwise answer 400 to a role that gets 403 with a good one. Our rules
	 * name roles only (no {@code #argument}), so they can be asked without the arguments; a rule that cannot be
	 * evaluated without them counts as allowing, and the 400 stands.
	 */
	private boolean roleAllows(HandlerMethod handler) {
		if (handler == null) {
			return true;
		}
		try {
			Object[] noArguments = new Object[handler.getMethod().getParameterCount()];
			AuthorizationResult result = roles.authorize(SecurityContextHolder.getContext()::getAuthentication,
					new SimpleMethodInvocation(handler.getBean(), handler.getMethod(), noArguments));
			return result == null || result.isGranted();
		}
		catch (RuntimeException e) {
			log.debug("Role rule of {} not asked without its arguments: {}", handler, e.getMessage());
			return true;
		}
	}

	private Object respond(HttpServletRequest request, HttpStatus status, String message) {
		if (isApi(request)) {
			return ResponseEntity.status(status)
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("errors", List.of(Map.of("message", message))));
		}
		ModelAndView page = new ModelAndView("error", status);
		page.addObject("status", status.value());
		page.addObject("errorMessage", message);
		return page;
	}

	static boolean isApi(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length()).startsWith("/api/");
	}

	/**
	 * The exception's own message when it is meant for users (written in Chinese by our services); a technical
	 * message from a library (English, class names) is replaced by the generic one so nothing internal leaks.
	 */
	private String userMessage(RuntimeException e, String fallbackKey) {
		String m = e.getMessage();
		return m != null && m.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
				? m : message(fallbackKey);
	}

	private String message(String key) {
		return messages.getMessage(key, null, LocaleContextHolder.getLocale());
	}

}
