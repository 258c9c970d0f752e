package io.cachepair.api.cacheclient;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@link RetryScheduler} on one daemon thread. Closing it drops the retries that have not
 * run yet.
 */
class ExecutorRetryScheduler implements RetryScheduler, AutoCloseable {

	private final ScheduledExecutorService executor = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("cache-invalidation-retry").daemon(true).factory());

	@Override
	public void schedule(Runnable task, Duration delay) {
		this.executor.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
	}

}
