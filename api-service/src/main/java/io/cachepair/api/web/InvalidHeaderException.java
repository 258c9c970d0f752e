package io.cachepair.api.web;

/**
 * A request header whose value does not follow its syntax, sent as a 400 problem that
 * names the header.
 */
public class InvalidHeaderException extends RuntimeException {

	private static final int MAX_QUOTED_LENGTH = 80;

	private final String header;

	/**
	 * Creates the exception.
	 * @param header the header's name, such as {@code If-Match}
	 * @param value the invalid value, quoted in the message up to 80 characters
	 * @param expected what a valid value looks like
	 */
	public InvalidHeaderException(String header, String value, String expected) {
		super("Invalid " + header + " header '" + abbreviate(value) + "': " + expected);
		this.header = header;
	}

	public String getHeader() {
		return this.header;
	}

	private static String abbreviate(String value) {
		return (value.length() <= MAX_QUOTED_LENGTH) ? value : value.substring(0, MAX_QUOTED_LENGTH) + "...";
	}

}
