package io.cachepair.cache.web;

import org.springframework.http.HttpStatus;

/**
 * A rejected request that the service returns as {@code application/problem+json} with
 * the given status, title and detail.
 */
public class ProblemException extends RuntimeException {

	private static final int MAX_QUOTED_LENGTH = 80;

	private final HttpStatus status;

	private final String title;

	public ProblemException(HttpStatus status, String title, String detail) {
		super(detail);
		this.status = status;
		this.title = title;
	}

	public HttpStatus status() {
		return this.status;
	}

	public String title() {
		return this.title;
	}

	public String detail() {
		return getMessage();
	}

	/**
	 * Shortens a client-supplied value for quoting in a message, so that a long key or
	 * name does not flood the response or the log.
	 * @param value the value
	 * @return the value, or its first characters followed by an ellipsis
	 */
	public static String abbreviate(String value) {
		return (value.length() <= MAX_QUOTED_LENGTH) ? value : value.substring(0, MAX_QUOTED_LENGTH) + "...";
	}

}
