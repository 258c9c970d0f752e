package io.cachepair.api.cacheclient;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CircuitBreakerTests {

	private final MutableClock clock = new MutableClock();

	private final CircuitBreaker breaker = new CircuitBreaker(
			new CacheClientProperties.CircuitBreaker(3, Duration.ofSeconds(5)), this.clock);

	@Test
	void failuresBelowThresholdKeepCircuitClosed() {
		this.breaker.recordFailure();
		this.breaker.recordFailure();

		assertThat(this.breaker.allowsCall()).isTrue();
	}

	@Test
	void thresholdOfFailuresOpensCircuit() {
		recordFailures(3);

		assertThat(this.breaker.allowsCall()).isFalse();
	}

	@Test
	void successResetsConsecutiveFailures() {
		recordFailures(2);
		this.breaker.recordSuccess();
		recordFailures(2);

		assertThat(this.breaker.allowsCall()).isTrue();
	}

	@Test
	void openCircuitAllowsCallsAfterOpenDuration() {
		recordFailures(3);

		this.clock.advance(Duration.ofMillis(4999));
		assertThat(this.breaker.allowsCall()).isFalse();
		this.clock.advance(Duration.ofMillis(1));
		assertThat(this.breaker.allowsCall()).isTrue();
	}

	@Test
	void failedTrialCallReopensCircuit() {
		recordFailures(3);
		this.clock.advance(Duration.ofSeconds(5));

		this.breaker.recordFailure();

		assertThat(this.breaker.allowsCall()).isFalse();
	}

	@Test
	void successfulTrialCallClosesCircuit() {
		recordFailures(3);
		this.clock.advance(Duration.ofSeconds(5));

		this.breaker.recordSuccess();
		this.breaker.recordFailure();

		assertThat(this.breaker.allowsCall()).isTrue();
	}

	private void recordFailures(int count) {
		for (int i = 0; i < count; i++) {
			this.breaker.recordFailure();
		}
	}

}
