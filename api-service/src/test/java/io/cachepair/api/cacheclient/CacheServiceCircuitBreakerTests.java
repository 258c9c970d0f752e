package io.cachepair.api.cacheclient;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.cachepair.api.testing.DelayingProxy;
import io.cachepair.api.testing.FakeCacheServer;
import io.cachepair.api.testing.Waiting;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Resilience4j circuit breaker and bulkhead around cache-service calls, with the
 * settings of {@link CacheClientConfiguration}.
 */
class CacheServiceCircuitBreakerTests {

	private final MutableClock clock = new MutableClock();

	private FakeCacheServer server;

	private CacheClientProperties properties;

	private CircuitBreaker circuitBreaker;

	private Bulkhead bulkhead;

	private CacheClient client;

	@BeforeEach
	void startServer() throws IOException {
		this.server = FakeCacheServer.start();
		this.properties = TestClients.properties(this.server.baseUrl(), null);
		this.circuitBreaker = TestClients.circuitBreaker(this.properties, this.clock);
		this.bulkhead = TestClients.bulkhead(this.properties);
		this.client = TestClients.client(this.properties, this.circuitBreaker, this.bulkhead);
	}

	@AfterEach
	void stopServer() {
		this.client.close();
		this.server.close();
	}

	@Test
	void failuresBelowThresholdKeepBreakerClosed() {
		failCalls(2);

		assertThat(this.circuitBreaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
		assertThat(this.client.get("products", "1")).isEmpty();
	}

	@Test
	void openBreakerSkipsCallsWithoutRequest() {
		failCalls(3);
		this.server.clearRequests();

		assertThatExceptionOfType(CacheClientException.class).isThrownBy(() -> this.client.get("products", "1"))
			.withMessageContaining("skipped because the circuit breaker is OPEN");
		assertThat(this.server.requests()).isEmpty();
	}

	@Test
	void successfulTrialAfterOpenDurationClosesBreaker() {
		failCalls(3);

		this.clock.advance(TestClients.OPEN_DURATION);
		assertThatExceptionOfType(CacheClientException.class).isThrownBy(() -> this.client.get("products", "1"));
		this.clock.advance(Duration.ofMillis(1));
		this.client.get("products", "1");

		assertThat(this.circuitBreaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
	}

	@Test
	void failedTrialReopensBreaker() {
		failCalls(3);
		this.clock.advance(TestClients.OPEN_DURATION.plusMillis(1));
		this.server.clearRequests();

		failCalls(1);
		assertThatExceptionOfType(CacheClientException.class).isThrownBy(() -> this.client.get("products", "1"))
			.withMessageContaining("OPEN");

		assertThat(this.server.requests()).hasSize(1);
	}

	@Test
	void onlyOneTrialCallRunsWhileHalfOpen() throws Exception {
		failCalls(3);
		this.clock.advance(TestClients.OPEN_DURATION.plusMillis(1));
		this.server.clearRequests();
		this.server.stall();
		try (ExecutorService executor = Executors.newSingleThreadExecutor()) {
			Future<?> trial = executor.submit(() -> this.client.get("products", "1"));
			Waiting.awaitTrue(() -> this.server.requests().size() == 1, "the trial call to reach the cache-service");

			assertThatExceptionOfType(CacheClientException.class).isThrownBy(() -> this.client.get("products", "2"))
				.withMessageContaining("HALF_OPEN");
			this.server.resume();
			trial.get(10, TimeUnit.SECONDS);
		}
		assertThat(this.server.requests()).hasSize(1);
		assertThat(this.circuitBreaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
	}

	@Test
	void slowSuccessfulCallsOpenBreaker() throws IOException {
		CacheClientProperties slowCalls = new CacheClientProperties(this.server.baseUrl(), null, Duration.ofMillis(500),
				Duration.ofSeconds(5), new CacheClientProperties.CircuitBreaker(100, 3, 3, TestClients.OPEN_DURATION,
						Duration.ofMillis(100), 100),
				this.properties.bulkhead(), this.properties.retry());
		try (DelayingProxy proxy = DelayingProxy.start(this.server.baseUrl().getPort())) {
			proxy.delayResponses(Duration.ofMillis(300));
			CacheClientProperties throughProxy = withBaseUrl(slowCalls, proxy.baseUrl());
			CircuitBreaker breaker = TestClients.circuitBreaker(throughProxy, this.clock);
			try (CacheClient slowClient = TestClients.client(throughProxy, breaker, this.bulkhead)) {
				for (int i = 0; i < 3; i++) {
					assertThat(slowClient.get("products", "1")).isEmpty();
				}

				assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
				assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
				assertThat(breaker.getMetrics().getNumberOfSlowSuccessfulCalls()).isEqualTo(3);
			}
		}
	}

	@Test
	void fullBulkheadSkipsCallWithoutRequest() {
		this.server.stall();
		try (ExecutorService executor = Executors.newCachedThreadPool()) {
			for (int i = 0; i < 8; i++) {
				executor.submit(() -> this.client.get("products", "1"));
			}
			Waiting.awaitTrue(() -> this.server.requests().size() == 8, "eight calls to reach the cache-service");

			assertThatExceptionOfType(CacheClientException.class).isThrownBy(() -> this.client.get("products", "2"))
				.withMessageContaining("8 calls are already in progress");
			this.server.resume();
		}
		assertThat(this.server.requests()).hasSize(8);
		assertThat(this.bulkhead.getMetrics().getAvailableConcurrentCalls()).isEqualTo(8);
	}

	@Test
	void healthIsUpWhileClosedAndDegradedWhileOpen() {
		CacheServiceHealthIndicator indicator = new CacheServiceHealthIndicator(this.circuitBreaker, this.bulkhead);
		Health closed = indicator.health();

		failCalls(3);
		Health open = indicator.health();

		assertThat(closed.getStatus()).isEqualTo(Status.UP);
		assertThat(closed.getDetails()).containsEntry("circuitBreaker", "CLOSED")
			.containsEntry("availableConcurrentCalls", 8);
		assertThat(open.getStatus()).isEqualTo(CacheServiceHealthIndicator.DEGRADED);
		assertThat(open.getDetails()).containsEntry("circuitBreaker", "OPEN").containsEntry("failedCalls", 3);
	}

	@Test
	void breakerStateIsAMetric() {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		CircuitBreakerRegistry registry = new CacheClientConfiguration().cacheServiceCircuitBreakerRegistry(meters);
		CircuitBreaker breaker = new CacheClientConfiguration().cacheServiceCircuitBreaker(registry, this.properties);

		breaker.transitionToOpenState();

		assertThat(meters.get("resilience4j.circuitbreaker.state")
			.tags("name", CacheClientConfiguration.NAME, "state", "open")
			.gauge()
			.value()).isEqualTo(1.0);
		assertThat(meters.get("resilience4j.circuitbreaker.state")
			.tags("name", CacheClientConfiguration.NAME, "state", "closed")
			.gauge()
			.value()).isZero();
	}

	private static CacheClientProperties withBaseUrl(CacheClientProperties properties, URI baseUrl) {
		return new CacheClientProperties(baseUrl, properties.token(), properties.connectTimeout(),
				properties.requestTimeout(), properties.circuitBreaker(), properties.bulkhead(), properties.retry());
	}

	private void failCalls(int count) {
		this.server.failNext(count, 503);
		for (int i = 0; i < count; i++) {
			assertThatExceptionOfType(CacheClientException.class).isThrownBy(() -> this.client.get("products", "1"));
		}
	}

}
