package io.cachepair.api.cacheclient;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * Health of the api-service's link to the cache-service, from the circuit breaker's
 * state: {@code UP} while the breaker is closed, {@code DEGRADED} while it is open or
 * half open and reads come from the database. It makes no call itself.
 * <p>
 * It is left out of the readiness group on purpose: the api-service serves every request
 * without the cache-service, so a failing cache-service must not take replicas out of
 * rotation.
 */
class CacheServiceHealthIndicator implements HealthIndicator {

	/**
	 * Status while the cache-service is skipped and reads come from the database.
	 */
	static final Status DEGRADED = new Status("DEGRADED", "Reads bypass the cache-service");

	private final CircuitBreaker circuitBreaker;

	private final Bulkhead bulkhead;

	CacheServiceHealthIndicator(CircuitBreaker circuitBreaker, Bulkhead bulkhead) {
		this.circuitBreaker = circuitBreaker;
		this.bulkhead = bulkhead;
	}

	@Override
	public Health health() {
		CircuitBreaker.State state = this.circuitBreaker.getState();
		CircuitBreaker.Metrics metrics = this.circuitBreaker.getMetrics();
		Health.Builder health = (state == CircuitBreaker.State.CLOSED) ? Health.up() : Health.status(DEGRADED);
		return health.withDetail("circuitBreaker", state.name())
			.withDetail("failureRate", metrics.getFailureRate())
			.withDetail("bufferedCalls", metrics.getNumberOfBufferedCalls())
			.withDetail("failedCalls", metrics.getNumberOfFailedCalls())
			.withDetail("notPermittedCalls", metrics.getNumberOfNotPermittedCalls())
			.withDetail("availableConcurrentCalls", this.bulkhead.getMetrics().getAvailableConcurrentCalls())
			.build();
	}

}
