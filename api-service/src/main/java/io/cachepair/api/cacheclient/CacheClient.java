package io.cachepair.api.cacheclient;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP client of the cache-service's v1 API: reads and conditional writes of entries, and
 * removals by tag.
 * <p>
 * Every call has the configured request timeout and passes a bulkhead, which bounds the
 * calls in progress, and a Resilience4j circuit breaker, which skips calls while the
 * cache-service keeps failing. A call that fails, times out, is skipped or gets an
 * unexpected status throws {@link CacheClientException}.
 */
public class CacheClient implements AutoCloseable {

	private static final char[] HEX_DIGITS = "0123456789ABCDEF".toCharArray();

	private final HttpClient httpClient;

	private final String baseUrl;

	private final @Nullable String token;

	private final Duration requestTimeout;

	private final CircuitBreaker circuitBreaker;

	private final Bulkhead bulkhead;

	private final JsonMapper jsonMapper;

	CacheClient(HttpClient httpClient, CacheClientProperties properties, CircuitBreaker circuitBreaker,
			Bulkhead bulkhead, JsonMapper jsonMapper) {
		this.httpClient = httpClient;
		this.baseUrl = properties.baseUrl().toString().replaceAll("/+$", "");
		this.token = properties.token();
		this.requestTimeout = properties.requestTimeout();
		this.circuitBreaker = circuitBreaker;
		this.bulkhead = bulkhead;
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Reads an entry.
	 * @param cache name of the cache
	 * @param key key of the entry
	 * @return the entry's value, or empty when the cache-service has no live entry for
	 * the key
	 */
	public Optional<CachedValue> get(String cache, String key) {
		String call = "GET of an entry in cache '" + cache + "'";
		HttpResponse<byte[]> response = send(HttpRequest.newBuilder(entryUri(cache, key, "")).GET(), call);
		return switch (response.statusCode()) {
			case 200 -> Optional.of(cachedValue(response));
			case 404 -> Optional.empty();
			default -> throw unexpectedStatus(response, call);
		};
	}

	/**
	 * Writes an entry with its tags if the condition holds, replacing any entry under the
	 * same key.
	 * @param cache name of the cache
	 * @param key key of the entry
	 * @param value the bytes, content type and tags to store
	 * @param ttl time to live of the entry, at least one second
	 * @param condition the precondition that the cache-service checks atomically
	 * @return {@code true} when the entry was written, {@code false} when the condition
	 * failed (412) and nothing changed
	 */
	public boolean put(String cache, String key, CacheableValue value, Duration ttl, WriteCondition condition) {
		String call = "PUT of an entry in cache '" + cache + "'";
		URI uri = entryUri(cache, key, entryQuery(value, ttl));
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.header("Content-Type", value.contentType())
			.PUT(BodyPublishers.ofByteArray(value.value()));
		if (condition.ifNoneMatch() != null) {
			request.header("If-None-Match", condition.ifNoneMatch());
		}
		if (condition.ifMatch() != null) {
			request.header("If-Match", condition.ifMatch());
		}
		HttpResponse<byte[]> response = send(request, call);
		return switch (response.statusCode()) {
			case 201, 204 -> true;
			case 412 -> false;
			default -> throw unexpectedStatus(response, call);
		};
	}

	/**
	 * Removes every entry of a cache that was written with the tag.
	 * @param cache name of the cache
	 * @param tag the tag
	 * @return the number of entries removed
	 */
	public long removeTag(String cache, String tag) {
		String call = "DELETE of tag '" + tag + "' in cache '" + cache + "'";
		URI uri = URI.create(cacheUrl(cache) + "/tags/" + encodeComponent(tag));
		HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri).DELETE(), call);
		if (response.statusCode() != 200) {
			throw unexpectedStatus(response, call);
		}
		return removedCount(response, call);
	}

	/**
	 * Closes the HTTP client, waiting for calls in progress.
	 */
	@Override
	public void close() {
		this.httpClient.close();
	}

	private URI entryUri(String cache, String key, String query) {
		return URI.create(cacheUrl(cache) + "/entries/" + encodeComponent(key) + query);
	}

	private String cacheUrl(String cache) {
		return this.baseUrl + "/v1/caches/" + encodeComponent(cache);
	}

	private static String entryQuery(CacheableValue value, Duration ttl) {
		StringBuilder query = new StringBuilder("?ttl=").append(Math.max(1, ttl.toSeconds()));
		value.tags().forEach((tag) -> query.append("&tag=").append(encodeComponent(tag)));
		return query.toString();
	}

	/**
	 * Percent-encodes text as one URI path segment or query value: every UTF-8 byte other
	 * than an RFC 3986 unreserved character becomes {@code %XX}, so {@code /}, {@code %},
	 * {@code +}, spaces and non-Latin letters round-trip.
	 */
	static String encodeComponent(String text) {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		StringBuilder encoded = new StringBuilder(bytes.length * 3);
		for (byte b : bytes) {
			int octet = b & 0xFF;
			if (isUnreserved(octet)) {
				encoded.append((char) octet);
			}
			else {
				encoded.append('%').append(HEX_DIGITS[octet >> 4]).append(HEX_DIGITS[octet & 0xF]);
			}
		}
		return encoded.toString();
	}

	private static boolean isUnreserved(int octet) {
		return (octet >= 'A' && octet <= 'Z') || (octet >= 'a' && octet <= 'z') || (octet >= '0' && octet <= '9')
				|| octet == '-' || octet == '.' || octet == '_' || octet == '~';
	}

	private HttpResponse<byte[]> send(HttpRequest.Builder request, String call) {
		if (!this.bulkhead.tryAcquirePermission()) {
			throw new CacheClientException(call + " skipped because "
					+ this.bulkhead.getBulkheadConfig().getMaxConcurrentCalls() + " calls are already in progress");
		}
		try {
			return sendThroughCircuitBreaker(request, call);
		}
		finally {
			this.bulkhead.onComplete();
		}
	}

	private HttpResponse<byte[]> sendThroughCircuitBreaker(HttpRequest.Builder request, String call) {
		if (!this.circuitBreaker.tryAcquirePermission()) {
			throw new CacheClientException(
					call + " skipped because the circuit breaker is " + this.circuitBreaker.getState());
		}
		if (this.token != null) {
			request.header("Authorization", "Bearer " + this.token);
		}
		long start = System.nanoTime();
		try {
			HttpResponse<byte[]> response = this.httpClient.send(request.timeout(this.requestTimeout).build(),
					BodyHandlers.ofByteArray());
			recordOutcome(response, call, System.nanoTime() - start);
			return response;
		}
		catch (IOException ex) {
			CacheClientException failure = new CacheClientException(call + " failed: " + ex, ex);
			this.circuitBreaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, failure);
			throw failure;
		}
		catch (InterruptedException ex) {
			this.circuitBreaker.releasePermission();
			Thread.currentThread().interrupt();
			throw new CacheClientException(call + " was interrupted", ex);
		}
	}

	private void recordOutcome(HttpResponse<byte[]> response, String call, long nanos) {
		// A 4xx means that the cache-service is up and rejected this one request.
		if (response.statusCode() >= 500) {
			this.circuitBreaker.onError(nanos, TimeUnit.NANOSECONDS, unexpectedStatus(response, call));
		}
		else {
			this.circuitBreaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
		}
	}

	private static CachedValue cachedValue(HttpResponse<byte[]> response) {
		String contentType = response.headers().firstValue("Content-Type").orElse("application/octet-stream");
		String etag = response.headers().firstValue("ETag").orElse(null);
		return new CachedValue(response.body(), contentType, etag);
	}

	private long removedCount(HttpResponse<byte[]> response, String call) {
		try {
			return this.jsonMapper.readTree(response.body()).path("removed").asLong();
		}
		catch (JacksonException ex) {
			throw new CacheClientException(call + " returned a body that is not JSON", ex);
		}
	}

	private static CacheClientException unexpectedStatus(HttpResponse<byte[]> response, String call) {
		return new CacheClientException(call + " failed with unexpected status " + response.statusCode());
	}

}
