package io.cachepair.cache.settings;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import io.cachepair.cache.web.InvalidRequestException;

/**
 * The settings of one named cache: its bounds and its expiry defaults.
 *
 * @param name the cache name
 * @param maxEntries the most entries the cache holds before it evicts
 * @param maxBytes the most bytes (keys, values and bookkeeping) the cache holds before it
 * evicts
 * @param defaultTtl the time to live of an entry written without {@code ttl}
 * @param maxTtl the longest time to live or idle timeout a write may ask for
 * @param defaultIdle the idle timeout of an entry written without {@code idle}, or
 * {@code null} for none
 */
public record CacheSettings(String name, long maxEntries, long maxBytes, Duration defaultTtl, Duration maxTtl,
		@Nullable Duration defaultIdle) {

	/**
	 * Creates settings, checking that they are consistent.
	 * @throws InvalidRequestException if a bound is not positive or a default is above
	 * the maximum time to live
	 */
	public CacheSettings {
		requirePositive("maxEntries", maxEntries);
		requirePositive("maxBytes", maxBytes);
		requireWithin("defaultTtl", defaultTtl, maxTtl);
		if (defaultIdle != null) {
			requireWithin("defaultIdle", defaultIdle, maxTtl);
		}
	}

	private static void requirePositive(String field, long value) {
		if (value <= 0) {
			throw new InvalidRequestException("Invalid %s '%d': it must be greater than zero.".formatted(field, value));
		}
	}

	private static void requireWithin(String field, Duration value, Duration maxTtl) {
		if (value.isNegative() || value.isZero()) {
			throw new InvalidRequestException(
					"Invalid %s '%s': it must be greater than zero.".formatted(field, value.toSeconds() + "s"));
		}
		if (value.compareTo(maxTtl) > 0) {
			throw new InvalidRequestException("Invalid %s '%ss': it must not exceed maxTtl '%ss'.".formatted(field,
					value.toSeconds(), maxTtl.toSeconds()));
		}
	}

	/**
	 * Returns these settings under another cache name.
	 * @param cacheName the new name
	 * @return the renamed settings
	 */
	public CacheSettings withName(String cacheName) {
		return new CacheSettings(cacheName, this.maxEntries, this.maxBytes, this.defaultTtl, this.maxTtl,
				this.defaultIdle);
	}

}
