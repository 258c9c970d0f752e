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
	 * Longest {@code maxTtl} a cache may have, ten years. Deadlines are kept in
	 * nanoseconds, which would overflow past about 292 years.
	 */
	public static final Duration TTL_CEILING = Duration.ofDays(3650);

	/**
	 * Creates settings, checking that they are consistent.
	 * @throws InvalidRequestException if a bound is not positive, a default is above the
	 * maximum time to live, or that maximum is above {@link #TTL_CEILING}
	 */
	public CacheSettings {
		requirePositive("maxEntries", maxEntries);
		requirePositive("maxBytes", maxBytes);
		requireWithin("maxTtl", maxTtl, TTL_CEILING);
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
			String limit = (maxTtl == TTL_CEILING) ? "the ceiling of " + TTL_CEILING.toDays() + "d"
					: "maxTtl '" + maxTtl.toSeconds() + "s'";
			throw new InvalidRequestException(
					"Invalid %s '%ss': it must not exceed %s.".formatted(field, value.toSeconds(), limit));
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
