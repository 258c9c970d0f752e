package io.cachepair.api.cacheclient;

import java.time.Duration;
import java.util.Collection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes tags from the cache-service, retrying each failed removal in the background
 * with a doubling delay and a bounded number of attempts.
 */
class TagRemover {

	private static final Logger logger = LoggerFactory.getLogger(TagRemover.class);

	private final CacheClient client;

	private final CacheClientProperties.Retry retry;

	private final RetryScheduler scheduler;

	TagRemover(CacheClient client, CacheClientProperties.Retry retry, RetryScheduler scheduler) {
		this.client = client;
		this.retry = retry;
		this.scheduler = scheduler;
	}

	/**
	 * Tries to remove each tag once on the calling thread and schedules a retry for each
	 * one that failed.
	 * @param tags the tags to remove
	 */
	void remove(Collection<CacheTag> tags) {
		tags.forEach((tag) -> attempt(tag, 1));
	}

	private void attempt(CacheTag tag, int attempt) {
		try {
			long removed = this.client.removeTag(tag);
			logger.debug("Removed {} entries with tag '{}' from cache '{}'", removed, tag.tag(), tag.cache());
		}
		catch (CacheClientException ex) {
			retryOrGiveUp(tag, attempt, ex);
		}
	}

	private void retryOrGiveUp(CacheTag tag, int attempt, CacheClientException failure) {
		if (attempt >= this.retry.maxAttempts()) {
			logger.warn("Giving up removing tag '{}' from cache '{}' after {} attempts, so its entries stay "
					+ "until their TTL ends: {}", tag.tag(), tag.cache(), attempt, failure.getMessage());
			return;
		}
		Duration delay = delayAfter(attempt);
		logger.warn("Removing tag '{}' from cache '{}' failed (attempt {} of {}), retrying in {} ms: {}", tag.tag(),
				tag.cache(), attempt, this.retry.maxAttempts(), delay.toMillis(), failure.getMessage());
		this.scheduler.schedule(() -> attempt(tag, attempt + 1), delay);
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
