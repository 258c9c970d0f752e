package io.cachepair.api.cacheclient;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Clients of a fake cache-service with short timeouts for tests. Their circuit breaker
 * opens after three failures in a row; a call never counts as slow before it fails by
 * timing out.
 */
final class TestClients {

	static final Duration REQUEST_TIMEOUT = Duration.ofMillis(300);

	static final Duration OPEN_DURATION = Duration.ofSeconds(5);

	private TestClients() {
	}

	static CacheClientProperties properties(URI baseUrl, @Nullable String token) {
		return new CacheClientProperties(baseUrl, token, Duration.ofMillis(500), REQUEST_TIMEOUT,
				new CacheClientProperties.CircuitBreaker(100, 3, 3, OPEN_DURATION, REQUEST_TIMEOUT, 100),
				new CacheClientProperties.Bulkhead(8, Duration.ZERO),
				new CacheClientProperties.Retry(3, Duration.ofMillis(100), Duration.ofMillis(250)));
	}

	static CacheClient client(URI baseUrl) {
		return client(properties(baseUrl, null), Clock.systemUTC());
	}

	static CacheClient client(CacheClientProperties properties, Clock clock) {
		return client(properties, circuitBreaker(properties, clock), bulkhead(properties));
	}

	static CacheClient client(CacheClientProperties properties, CircuitBreaker circuitBreaker, Bulkhead bulkhead) {
		return new CacheClient(properties, circuitBreaker, bulkhead, JsonMapper.builder().build());
	}

	static CircuitBreaker circuitBreaker(CacheClientProperties properties, Clock clock) {
		CircuitBreakerConfig config = CircuitBreakerConfig
			.from(CacheClientConfiguration.circuitBreakerConfig(properties))
			.clock(clock)
			.build();
		return CircuitBreaker.of("test", config);
	}

	static Bulkhead bulkhead(CacheClientProperties properties) {
		return Bulkhead.of("test", CacheClientConfiguration.bulkheadConfig(properties));
	}

	/**
	 * Creates a read-through cache whose failed invalidations go to the scheduler.
	 */
	static ReadThroughCache cache(CacheClient client, RetryScheduler scheduler) {
		Generations generations = new Generations(client);
		Invalidator invalidator = new Invalidator(client, generations,
				new CacheClientProperties.Retry(3, Duration.ofMillis(100), Duration.ofSeconds(1)), scheduler);
		return new ReadThroughCache(client, generations, invalidator);
	}

}
