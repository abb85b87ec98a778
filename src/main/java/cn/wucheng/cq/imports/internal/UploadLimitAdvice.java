package cn.wucheng.cq.imports.internal;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

import cn.wucheng.cq.shared.Refusals;

/**
 * A file over the upload limit never reaches the import controllers (the multipart request fails first): answer it
 * as API.md says for a too-large file, 400 with a message. Other paths keep the default handling.
 */
@ControllerAdvice
class UploadLimitAdvice {

	private final Refusals messages;

	private final String limit;

	UploadLimitAdvice(Refusals messages, @Value("${spring.servlet.multipart.max-file-size:1MB}") String limit) {
		this.messages = messages;
		this.limit = limit;
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request)
			throws MaxUploadSizeExceededException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!path.startsWith("/api/v1/imports") && !path.startsWith("/imports")) {
			throw e;
		}
		return ResponseEntity.status(HttpStatus.BAD_REQUEST)
			.body(Map.of("errors", List.of(Map.of("message", messages.message("imports.file.tooLarge", limit)))));
	}

}
