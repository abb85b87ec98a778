package cn.wucheng.cq.organisation.internal;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A record that does not exist or lies outside the user's data scope: both answer 404, so scope leaks nothing. */
final class NotFound extends ResponseStatusException {

	NotFound() {
		super(HttpStatus.NOT_FOUND);
	}

}
