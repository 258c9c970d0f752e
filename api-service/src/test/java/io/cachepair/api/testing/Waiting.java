package io.cachepair.api.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * Waits for work on other threads to reach a state, without sleeping for a fixed time.
 */
public final class Waiting {

	private static final Duration LIMIT = Duration.ofSeconds(10);

	private Waiting() {
	}

	/**
	 * Waits until the condition holds, checking it in a busy loop.
	 * @param condition the condition
	 * @param description what is awaited, for the failure message
	 * @throws AssertionError if it does not hold within ten seconds
	 */
	public static void awaitTrue(BooleanSupplier condition, String description) {
		Instant deadline = Instant.now().plus(LIMIT);
		while (!condition.getAsBoolean()) {
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("Timed out after " + LIMIT + " waiting for " + description);
			}
			Thread.onSpinWait();
		}
	}

}
