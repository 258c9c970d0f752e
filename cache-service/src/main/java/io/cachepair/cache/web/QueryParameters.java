package io.cachepair.cache.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
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
		try {
			return URLDecoder.decode(text, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidRequestException("Invalid query string: '%s' is not valid percent-encoding."
				.formatted(ProblemException.abbreviate(text)));
		}
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

	public @Nullable String first(String name) {
		List<String> all = this.values.get(name);
		return (all != null) ? all.get(0) : null;
	}

	public @Nullable List<String> all(String name) {
		return this.values.get(name);
	}

}
