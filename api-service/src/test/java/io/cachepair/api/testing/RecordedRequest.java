package io.cachepair.api.testing;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.sun.net.httpserver.HttpExchange;
import org.jspecify.annotations.Nullable;

/**
 * A request that {@link FakeCacheServer} received.
 *
 * @param method the HTTP method
 * @param rawPath the path as sent, still percent-encoded
 * @param rawQuery the query as sent, or {@code null}
 * @param authorization the {@code Authorization} header, or {@code null}
 * @param ifMatch the {@code If-Match} header, or {@code null}
 * @param ifNoneMatch the {@code If-None-Match} header, or {@code null}
 * @param body the request body
 */
public record RecordedRequest(String method, String rawPath, @Nullable String rawQuery, @Nullable String authorization,
		@Nullable String ifMatch, @Nullable String ifNoneMatch, byte[] body) {

	static RecordedRequest of(HttpExchange exchange, byte[] body) {
		URI uri = exchange.getRequestURI();
		return new RecordedRequest(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(),
				exchange.getRequestHeaders().getFirst("Authorization"),
				exchange.getRequestHeaders().getFirst("If-Match"),
				exchange.getRequestHeaders().getFirst("If-None-Match"), body);
	}

	/**
	 * Returns the decoded path segments. Decoding each segment on its own keeps an
	 * encoded {@code /} inside its segment, and {@code +} stays a plus sign.
	 */
	public List<String> pathSegments() {
		return Arrays.stream(this.rawPath.substring(1).split("/", -1)).map(RecordedRequest::decodeSegment).toList();
	}

	/**
	 * Returns the decoded values of a repeated query parameter, in request order.
	 */
	public List<String> queryValues(String name) {
		List<String> values = new ArrayList<>();
		if (this.rawQuery == null) {
			return values;
		}
		for (String pair : this.rawQuery.split("&")) {
			String[] parts = pair.split("=", 2);
			if (decodeSegment(parts[0]).equals(name) && parts.length == 2) {
				values.add(decodeSegment(parts[1]));
			}
		}
		return values;
	}

	private static String decodeSegment(String raw) {
		return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
	}

}
