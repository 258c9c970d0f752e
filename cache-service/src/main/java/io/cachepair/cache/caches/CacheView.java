package io.cachepair.cache.caches;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * A cache as {@code GET /v1/caches} shows it.
 *
 * @param name the cache name
 * @param declared whether configuration declares it
 * @param settings its bounds and expiry defaults
 * @param statistics what it holds and has served
 */
public record CacheView(String name, boolean declared, Settings settings, Statistics statistics) {

	/**
	 * The settings of a cache; durations use the {@code ttl} format, such as {@code 5m}.
	 *
	 * @param maxEntries the entry bound
	 * @param maxBytes the byte bound
	 * @param defaultTtl the TTL of an entry written without one
	 * @param maxTtl the longest TTL or idle timeout a write may ask for
	 * @param defaultIdle the idle timeout of an entry written without one, if any
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Settings(long maxEntries, long maxBytes, String defaultTtl, String maxTtl,
			@Nullable String defaultIdle) {
	}

	/**
	 * The statistics of a cache since the service started; a figure the store cannot
	 * report is {@code null}.
	 *
	 * @param entries live entries
	 * @param bytes the bytes they count toward the byte bound
	 * @param hits reads that found a live entry
	 * @param misses reads that did not
	 * @param hitRatio hits divided by reads, 0 before the first read
	 * @param puts writes, batch writes and counter additions that stored an entry
	 * @param removals entries removed on request
	 * @param evictions entries removed by the store, by cause
	 * @param expirations entries removed because their TTL or idle timeout ended
	 */
	public record Statistics(@Nullable Long entries, @Nullable Long bytes, long hits, long misses, double hitRatio,
			long puts, long removals, Evictions evictions, @Nullable Long expirations) {
	}

	/**
	 * Evictions by cause.
	 *
	 * @param size entries evicted to stay within the bounds
	 * @param expired entries removed after they expired
	 */
	public record Evictions(@Nullable Long size, @Nullable Long expired) {
	}

}
