package io.cachepair.api.cacheclient;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.apache.hc.client5.http.classic.methods.HttpDelete;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPut;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.DefaultHttpRequestRetryStrategy;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP client of the cache-service's v1 API: reads and conditional writes of entries, and
 * removals by tag.
 * <p>
 * Calls go over a pool of blocking HTTP/1.1 connections (Apache HttpClient 5). Each call
 * runs on the calling thread, a virtual thread in the service, where the JDK's own client
 * would hand every call to its selector thread and back; on a read through the cache that
 * halves the client's cost (a comparison is in bench/README.md).
 * <p>
 * Every call has the configured request timeout and passes a bulkhead, which bounds the
 * calls in progress, and a Resilience4j circuit breaker, which skips calls while the
 * cache-service keeps failing. A call that fails, times out, is skipped or gets an
 * unexpected status throws {@link CacheClientException}.
 */
public class CacheClient implements AutoCloseable {

	private static final char[] HEX_DIGITS = "0123456789ABCDEF".toCharArray();

	private final CloseableHttpClient httpClient;

	private final String baseUrl;

	private final @Nullable String authorization;

	private final CircuitBreaker circuitBreaker;

	private final Bulkhead bulkhead;

	private final JsonMapper jsonMapper;

	CacheClient(CacheClientProperties properties, CircuitBreaker circuitBreaker, Bulkhead bulkhead,
			JsonMapper jsonMapper) {
		this.httpClient = httpClient(properties);
		this.baseUrl = properties.baseUrl().toString().replaceAll("/+$", "");
		this.authorization = (properties.token() != null) ? "Bearer " + properties.token() : null;
		this.circuitBreaker = circuitBreaker;
		this.bulkhead = bulkhead;
		this.jsonMapper = jsonMapper;
	}

	private static CloseableHttpClient httpClient(CacheClientProperties properties) {
		Timeout requestTimeout = Timeout.of(properties.requestTimeout());
		int connections = properties.bulkhead().maxConcurrentCalls();
		ConnectionConfig connectionConfig = ConnectionConfig.custom()
			.setConnectTimeout(Timeout.of(properties.connectTimeout()))
			.setSocketTimeout(requestTimeout)
			// A pooled connection idle for a second is checked before use, so one that
			// the cache-service closed, for example across its restart, is not reused.
			.setValidateAfterInactivity(TimeValue.ofSeconds(1))
			.build();
		return HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setMaxConnTotal(connections)
				.setMaxConnPerRoute(connections)
				.setDefaultConnectionConfig(connectionConfig)
				.build())
			.setDefaultRequestConfig(RequestConfig.custom()
				.setConnectionRequestTimeout(requestTimeout)
				.setResponseTimeout(requestTimeout)
				.build())
			.setRetryStrategy(new StaleConnectionRetry())
			.disableRedirectHandling()
			.disableCookieManagement()
			.disableAuthCaching()
			.disableContentCompression()
			.build();
	}

	/**
	 * Reads an entry.
	 * @param cache name of the cache
	 * @param key key of the entry
	 * @return the entry's value, or empty when the cache-service has no live entry for
	 * the key
	 */
	public Optional<CachedValue> get(String cache, String key) {
		Supplier<String> call = () -> "GET of an entry in cache '" + cache + "'";
		CacheResponse response = send(new HttpGet(entryUri(cache, key, "")), call);
		return switch (response.status()) {
			case 200 -> Optional.of(response.toCachedValue());
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
		Supplier<String> call = () -> "PUT of an entry in cache '" + cache + "'";
		HttpPut request = new HttpPut(entryUri(cache, key, entryQuery(value, ttl)));
		request.setHeader("Content-Type", value.contentType());
		request.setEntity(new ByteArrayEntity(value.value(), null));
		if (condition.ifNoneMatch() != null) {
			request.setHeader("If-None-Match", condition.ifNoneMatch());
		}
		if (condition.ifMatch() != null) {
			request.setHeader("If-Match", condition.ifMatch());
		}
		CacheResponse response = send(request, call);
		return switch (response.status()) {
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
		Supplier<String> call = () -> "DELETE of tag '" + tag + "' in cache '" + cache + "'";
		URI uri = URI.create(cacheUrl(cache) + "/tags/" + encodeComponent(tag));
		CacheResponse response = send(new HttpDelete(uri), call);
		if (response.status() != 200) {
			throw unexpectedStatus(response, call);
		}
		return removedCount(response, call);
	}

	/**
	 * Closes the connection pool, letting calls in progress finish.
	 */
	@Override
	public void close() {
		this.httpClient.close(CloseMode.GRACEFUL);
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

	private CacheResponse send(ClassicHttpRequest request, Supplier<String> call) {
		if (!this.bulkhead.tryAcquirePermission()) {
			throw new CacheClientException(call.get() + " skipped because "
					+ this.bulkhead.getBulkheadConfig().getMaxConcurrentCalls() + " calls are already in progress");
		}
		try {
			return sendThroughCircuitBreaker(request, call);
		}
		finally {
			this.bulkhead.onComplete();
		}
	}

	private CacheResponse sendThroughCircuitBreaker(ClassicHttpRequest request, Supplier<String> call) {
		if (!this.circuitBreaker.tryAcquirePermission()) {
			throw new CacheClientException(
					call.get() + " skipped because the circuit breaker is " + this.circuitBreaker.getState());
		}
		if (this.authorization != null) {
			request.setHeader("Authorization", this.authorization);
		}
		long start = System.nanoTime();
		try {
			CacheResponse response = this.httpClient.execute(request, CacheResponse::read);
			recordOutcome(response, call, System.nanoTime() - start);
			return response;
		}
		catch (IOException ex) {
			CacheClientException failure = new CacheClientException(call.get() + " failed: " + ex, ex);
			this.circuitBreaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, failure);
			if (Thread.currentThread().isInterrupted()) {
				throw new CacheClientException(call.get() + " was interrupted", ex);
			}
			throw failure;
		}
	}

	private void recordOutcome(CacheResponse response, Supplier<String> call, long nanos) {
		// A 4xx means that the cache-service is up and rejected this one request.
		if (response.status() >= 500) {
			this.circuitBreaker.onError(nanos, TimeUnit.NANOSECONDS, unexpectedStatus(response, call));
		}
		else {
			this.circuitBreaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
		}
	}

	private long removedCount(CacheResponse response, Supplier<String> call) {
		try {
			return this.jsonMapper.readTree(response.body()).path("removed").asLong();
		}
		catch (JacksonException ex) {
			throw new CacheClientException(call.get() + " returned a body that is not JSON", ex);
		}
	}

	private static CacheClientException unexpectedStatus(CacheResponse response, Supplier<String> call) {
		return new CacheClientException(call.get() + " failed with unexpected status " + response.status());
	}

	/**
	 * Retries a request once, at once, when its connection failed before any response:
	 * typically a pooled connection that the cache-service had closed. Timeouts and
	 * refused connections are not retried, and neither is any response, whatever its
	 * status, so the circuit breaker sees every real failure.
	 */
	private static final class StaleConnectionRetry extends DefaultHttpRequestRetryStrategy {

		StaleConnectionRetry() {
			super(1, TimeValue.ZERO_MILLISECONDS);
		}

		@Override
		public boolean retryRequest(HttpResponse response, int execCount, HttpContext context) {
			return false;
		}

	}

	/**
	 * The parts of a cache-service response that the client uses, read in full before the
	 * connection goes back to the pool.
	 *
	 * @param status the status code
	 * @param body the body, empty when there is none
	 * @param contentType the {@code Content-Type} header, if any
	 * @param etag the {@code ETag} header, if any
	 */
	private record CacheResponse(int status, byte[] body, @Nullable String contentType, @Nullable String etag) {

		static CacheResponse read(ClassicHttpResponse response) throws IOException {
			HttpEntity entity = response.getEntity();
			byte[] body = (entity != null) ? EntityUtils.toByteArray(entity) : new byte[0];
			return new CacheResponse(response.getCode(), body, header(response, "Content-Type"),
					header(response, "ETag"));
		}

		private static @Nullable String header(ClassicHttpResponse response, String name) {
			Header header = response.getFirstHeader(name);
			return (header != null) ? header.getValue() : null;
		}

		CachedValue toCachedValue() {
			return new CachedValue(this.body,
					(this.contentType != null) ? this.contentType : "application/octet-stream", this.etag);
		}

	}

}
