package io.cachepair.api.web;

/**
 * A request parameter whose value is invalid together with another one, such as a minimum
 * above a maximum. It is sent as a 400 problem that names the parameter.
 */
public class InvalidParameterException extends RuntimeException {

	private final String parameter;

	/**
	 * Creates the exception.
	 * @param parameter the name of the invalid parameter
	 * @param message what is wrong with its value, such as {@code must not be greater
	 * than maxPrice}
	 */
	public InvalidParameterException(String parameter, String message) {
		super(message);
		this.parameter = parameter;
	}

	public String getParameter() {
		return this.parameter;
	}

}
