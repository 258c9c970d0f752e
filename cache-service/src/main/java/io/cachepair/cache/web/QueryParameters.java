package io.cachepair.cache.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The parameters of a query string, decoded as UTF-8 form data. Parsing the query here
 * keeps the container from ever looking at the body for parameters, which for some
 * content types it would try to parse.
 */
public final class QueryParameters {

	private final Map<String, List<String>> values;

	private QueryParameters(Map<String, List<String>> values) {
		this.values = values;
	}

	public static QueryParameters parse(@Nullable String query) {
		Map<String, List<String>> values = new LinkedHashMap<>();
		if (query == null || query.isEmpty()) {
			return new QueryParameters(values);
		}
		for (String pair : query.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = decode((equals >= 0) ? pair.substring(0, equals) : pair);
			String value = (equals >= 0) ? decode(pair.substring(equals + 1)) : "";
			values.computeIfAbsent(name, (ignored) -> new ArrayList<>()).add(value);
		}
		return new QueryParameters(values);
	}

	private static String decode(String text) {
		if (text.indexOf('%') < 0 && text.indexOf('+') < 0) {
			return text;
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '+') {
				bytes.write(' ');
			}
			else if (c == '%') {
				if (i + 2 >= text.length() || !HexFormat.isHexDigit(text.charAt(i + 1))
						|| !HexFormat.isHexDigit(text.charAt(i + 2))) {
					throw invalidEncoding(text);
				}
				bytes.write(HexFormat.fromHexDigits(text, i + 1, i + 3));
				i += 2;
			}
			else if (c < 0x80) {
				bytes.write(c);
			}
			else {
				// A raw non-ASCII character, a surrogate pair taken whole.
				int codePoint = text.codePointAt(i);
				bytes.writeBytes(Character.toString(codePoint).getBytes(StandardCharsets.UTF_8));
				i += Character.charCount(codePoint) - 1;
			}
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes.toByteArray()))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw invalidEncoding(text);
		}
	}

	private static InvalidRequestException invalidEncoding(String text) {
		return new InvalidRequestException(
				"Invalid query string: '%s' is not valid percent-encoded UTF-8. Encode each byte of UTF-8 as %%XX."
					.formatted(ProblemException.abbreviate(text)));
	}

	/**
	 * Rejects the request when it has a parameter that the call does not take, so that a
	 * misspelt name fails instead of being ignored: {@code prefx} must not turn a removal
	 * by prefix into a flush.
	 * @param allowed the names the call takes
	 * @param call the call, as the message names it
	 */
	public void requireOnly(Collection<String> allowed, String call) {
		for (String name : this.values.keySet()) {
			if (!allowed.contains(name)) {
				String expected = allowed.isEmpty() ? "no query parameters"
						: "only " + String.join(", ", allowed.stream().sorted().toList());
				throw new InvalidRequestException("Unknown query parameter '%s': %s takes %s."
					.formatted(ProblemException.abbreviate(name), call, expected));
			}
		}
	}

	/**
	 * Rejects the request when one of the named parameters appears more than once, so
	 * that {@code ttl=5m&ttl=abc} fails instead of taking the first value.
	 * @param names the parameters that take one value
	 */
	public void requireSingle(Collection<String> names) {
		for (String name : names) {
			List<String> all = this.values.get(name);
			if (all != null && all.size() > 1) {
				throw new InvalidRequestException("Repeated query parameter '%s': it takes one value, and %d were sent."
					.formatted(ProblemException.abbreviate(name), all.size()));
			}
		}
	}

	/**
	 * Returns the names of the parameters, in the order of the query string.
	 * @return the names
	 */
	public Collection<String> names() {
		return this.values.keySet();
	}

	public @Nullable String first(String name) {
		List<String> all = this.values.get(name);
		return (all != null) ? all.get(0) : null;
	}

	public @Nullable List<String> all(String name) {
		return this.values.get(name);
	}

}
