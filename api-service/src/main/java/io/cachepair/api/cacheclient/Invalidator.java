package io.cachepair.api.cacheclient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies invalidations to the cache-service, retrying each failed one in the background
 * with a doubling delay and a bounded number of attempts.
 */
class Invalidator {

	/**
	 * Content type that marks a tombstone, so that a read recognises one from the
	 * response headers without parsing the value.
	 */
	static final String TOMBSTONE_CONTENT_TYPE = "application/vnd.cachepair.tombstone";

	private static final Logger logger = LoggerFactory.getLogger(Invalidator.class);

	private final CacheClient client;

	private final Generations generations;

	private final CacheClientProperties.Retry retry;

	private final RetryScheduler scheduler;

	Invalidator(CacheClient client, Generations generations, CacheClientProperties.Retry retry,
			RetryScheduler scheduler) {
		this.client = client;
		this.generations = generations;
		this.retry = retry;
		this.scheduler = scheduler;
	}

	/**
	 * Tries each invalidation once on the calling thread, in order, and schedules a retry
	 * for each one that failed.
	 * @param invalidations the invalidations to apply
	 */
	void apply(Collection<Invalidation> invalidations) {
		invalidations.forEach((invalidation) -> attempt(invalidation, 1));
	}

	private void attempt(Invalidation invalidation, int attempt) {
		try {
			applyOnce(invalidation);
			logger.debug("Applied {}", invalidation.description());
		}
		catch (CacheClientException ex) {
			retryOrGiveUp(invalidation, attempt, ex);
		}
	}

	private void applyOnce(Invalidation invalidation) {
		switch (invalidation) {
			case Invalidation.Tombstone tombstone -> this.client.put(tombstone.cache(), tombstone.key(),
					tombstoneValue(), tombstone.ttl(), WriteCondition.NONE);
			case Invalidation.NewGeneration generation -> this.generations.renew(generation.cache(), generation.ttl());
			case Invalidation.TagRemoval removal -> this.client.removeTag(removal.cache(), removal.tag());
		}
	}

	/**
	 * Returns a tombstone whose bytes, and so whose entity tag, no other write produces:
	 * 128 random bits.
	 */
	private static CacheableValue tombstoneValue() {
		return new CacheableValue(RandomTokens.next().getBytes(StandardCharsets.US_ASCII), TOMBSTONE_CONTENT_TYPE,
				Set.of());
	}

	private void retryOrGiveUp(Invalidation invalidation, int attempt, CacheClientException failure) {
		if (attempt >= this.retry.maxAttempts()) {
			logger.warn("Giving up on {} after {} attempts, so stale entries stay until their TTL ends: {}",
					invalidation.description(), attempt, failure.getMessage());
			return;
		}
		Duration delay = delayAfter(attempt);
		logger.warn("Applying {} failed (attempt {} of {}), retrying in {} ms: {}", invalidation.description(), attempt,
				this.retry.maxAttempts(), delay.toMillis(), failure.getMessage());
		this.scheduler.schedule(() -> attempt(invalidation, attempt + 1), delay);
	}

	/**
	 * Returns the delay between the given attempt and the next one: the initial delay,
	 * doubled after each later attempt, capped at the maximum delay.
	 */
	Duration delayAfter(int attempt) {
		Duration delay = this.retry.initialDelay().multipliedBy(1L << Math.min(attempt - 1, 30));
		return (delay.compareTo(this.retry.maxDelay()) > 0) ? this.retry.maxDelay() : delay;
	}

}
