package io.cachepair.api.cacheclient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Circuit breaker that stops calls to the cache-service after consecutive failures, so
 * that a slow or unreachable cache-service costs a timeout only now and then instead of
 * on every request.
 * <p>
 * After {@code failureThreshold} consecutive failures the circuit opens for
 * {@code openDuration}. Once that has passed, calls are let through again, and the next
 * failure opens the circuit at once.
 */
class CircuitBreaker {

	private static final Logger logger = LoggerFactory.getLogger(CircuitBreaker.class);

	private final int failureThreshold;

	private final Duration openDuration;

	private final Clock clock;

	private final AtomicInteger consecutiveFailures = new AtomicInteger();

	private final AtomicReference<Instant> openUntil = new AtomicReference<>(Instant.MIN);

	CircuitBreaker(CacheClientProperties.CircuitBreaker settings, Clock clock) {
		this.failureThreshold = settings.failureThreshold();
		this.openDuration = settings.openDuration();
		this.clock = clock;
	}

	/**
	 * Returns whether a call may be made now.
	 * @return {@code false} while the circuit is open
	 */
	boolean allowsCall() {
		return !this.clock.instant().isBefore(this.openUntil.get());
	}

	void recordSuccess() {
		if (this.consecutiveFailures.getAndSet(0) >= this.failureThreshold) {
			logger.info("Cache-service calls succeed again, closing the circuit");
		}
	}

	void recordFailure() {
		int failures = this.consecutiveFailures.incrementAndGet();
		if (failures >= this.failureThreshold) {
			this.openUntil.set(this.clock.instant().plus(this.openDuration));
			if (failures == this.failureThreshold) {
				logger.warn("Cache-service failed {} calls in a row, skipping it for {} ms", failures,
						this.openDuration.toMillis());
			}
		}
	}

}
