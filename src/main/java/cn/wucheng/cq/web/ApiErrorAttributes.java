package cn.wucheng.cq.web;

import java.util.List;
import java.util.Map;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * Errors that reach Spring Boot's error controller (500s, 405s, filters' sendError) carry the API's error body
 * {@code "errors":[{"message":"…"}]} too, with a Chinese message chosen by status; never the exception's text.
 */
@Component
class ApiErrorAttributes extends DefaultErrorAttributes {

	private final MessageSource messages;

	ApiErrorAttributes(MessageSource messages) {
		this.messages = messages;
	}

	@Override
	public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
		Map<String, Object> attributes = super.getErrorAttributes(request, options);
		Object status = attributes.get("status");
		String key = switch (status instanceof Integer s ? s : 500) {
			case 403 -> "error.forbidden";
			case 404 -> "error.notFound";
			case 409 -> "error.conflict";
			case 503 -> "error.busy";
			default -> "error.generic";
		};
		attributes.put("errors",
				List.of(Map.of("message", messages.getMessage(key, null, LocaleContextHolder.getLocale()))));
		return attributes;
	}

}
