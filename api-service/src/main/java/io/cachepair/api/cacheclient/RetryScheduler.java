package io.cachepair.api.cacheclient;

import java.time.Duration;

/**
 * Runs a task once after a delay, in the background.
 */
@FunctionalInterface
interface RetryScheduler {

	void schedule(Runnable task, Duration delay);

}
