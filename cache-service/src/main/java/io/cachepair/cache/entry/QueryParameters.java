package io.cachepair.cache.entry;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.cachepair.cache.web.InvalidRequestException;
import io.cachepair.cache.web.ProblemException;

/**
 * The parameters of a query string, decoded as UTF-8 form data. Parsing the query here
 * keeps the container from ever looking at the body for parameters, which for some
 * content types it would try to parse.
 */
final class QueryParameters {

	private final Map<String, List<String>> values;

	private QueryParameters(Map<String, List<String>> values) {
		this.values = values;
	}

	static QueryParameters parse(@Nullable String query) {
		Map<String, List<String>> values = new HashMap<>();
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

	@Nullable String first(String name) {
		List<String> all = this.values.get(name);
		return (all != null) ? all.get(0) : null;
	}

	@Nullable List<String> all(String name) {
		return this.values.get(name);
	}

}
