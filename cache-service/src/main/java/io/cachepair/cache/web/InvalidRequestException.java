package io.cachepair.cache.web;

import org.springframework.http.HttpStatus;

/**
 * A request with an invalid parameter, header or body, rejected with 400.
 */
public class InvalidRequestException extends ProblemException {

	public InvalidRequestException(String detail) {
		super(HttpStatus.BAD_REQUEST, "Invalid request", detail);
	}

}
