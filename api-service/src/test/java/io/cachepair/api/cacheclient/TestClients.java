package io.cachepair.api.cacheclient;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Clients of a fake cache-service with short timeouts for tests.
 */
final class TestClients {

	static final Duration REQUEST_TIMEOUT = Duration.ofMillis(300);

	private TestClients() {
	}

	static CacheClientProperties properties(URI baseUrl, @Nullable String token) {
		return new CacheClientProperties(baseUrl, token, Duration.ofMillis(500), REQUEST_TIMEOUT,
				new CacheClientProperties.CircuitBreaker(3, Duration.ofSeconds(5)),
				new CacheClientProperties.Retry(3, Duration.ofMillis(100), Duration.ofMillis(250)));
	}

	static CacheClient client(URI baseUrl) {
		return client(properties(baseUrl, null), Clock.systemUTC());
	}

	static CacheClient client(CacheClientProperties properties, Clock clock) {
		HttpClient httpClient = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(properties.connectTimeout())
			.build();
		return new CacheClient(httpClient, properties, new CircuitBreaker(properties.circuitBreaker(), clock),
				JsonMapper.builder().build());
	}

}
