package io.cachepair.cache.web;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;

/**
 * Describes why a JSON request body could not be read, in terms of the body itself: the
 * field path and position, never the Java types behind it.
 */
public final class JsonProblems {

	private JsonProblems() {
	}

	/**
	 * Creates the 400 response for an unreadable JSON body.
	 * @param ex what the JSON parser or binder threw
	 * @return the exception to throw
	 */
	public static InvalidRequestException invalidBody(JacksonException ex) {
		return new InvalidRequestException("Invalid JSON body: " + describe(ex) + where(ex) + ".");
	}

	private static String describe(JacksonException ex) {
		if (ex instanceof PropertyBindingException binding) {
			String known = binding.getKnownPropertyIds()
				.stream()
				.map(Object::toString)
				.sorted()
				.collect(Collectors.joining(", "));
			return "unknown property '%s'; the known properties are %s".formatted(binding.getPropertyName(), known);
		}
		String path = path(ex.getPath());
		String message = (ex instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null)
				? "expected " + describeType(mismatch.getTargetType())
				: ex.getOriginalMessage().replaceAll("\\(class [^)]*\\)", "").replaceAll("`[a-z][\\w.$]*`", "");
		return path.isEmpty() ? message : "at '%s': %s".formatted(path, message);
	}

	/**
	 * Names the JSON shape that a Java type is read from, such as "a string" for
	 * {@code String}.
	 */
	private static String describeType(Class<?> type) {
		if (type == String.class || type.isEnum()) {
			return "a string";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "true or false";
		}
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
			return "a whole number";
		}
		if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
			return "a number";
		}
		if (type.isArray() || Collection.class.isAssignableFrom(type)) {
			return "an array";
		}
		return "an object";
	}

	private static String path(List<JacksonException.Reference> references) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : references) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static String where(JacksonException ex) {
		TokenStreamLocation location = ex.getLocation();
		if (location == null || location.getLineNr() < 0) {
			return "";
		}
		return " (line %d, column %d)".formatted(location.getLineNr(), location.getColumnNr());
	}

}
