package io.cachepair.cache.web;

import org.springframework.http.HttpStatus;

/**
 * A request body over a configured size limit, rejected with 413.
 */
public class PayloadTooLargeException extends ProblemException {

	public PayloadTooLargeException(String detail) {
		super(HttpStatus.CONTENT_TOO_LARGE, "Payload too large", detail);
	}

}
