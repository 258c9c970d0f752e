package io.cachepair.cache.expiry;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import io.cachepair.cache.settings.CacheSettings;
import io.cachepair.cache.web.InvalidRequestException;

/**
 * The expiry of one write: the {@code ttl} and {@code idle} it asked for, or the cache's
 * defaults where it asked for none.
 *
 * @param ttl the time to live
 * @param idle the idle timeout, or {@code null} for none
 */
public record ExpiryRequest(Duration ttl, @Nullable Duration idle) {

	/**
	 * Resolves the {@code ttl} and {@code idle} parameters of a write against a cache's
	 * settings.
	 * @param ttl the {@code ttl} parameter, or {@code null} when absent
	 * @param idle the {@code idle} parameter, or {@code null} when absent
	 * @param settings the settings of the cache written to
	 * @return the expiry of the entry
	 * @throws InvalidRequestException if a parameter is malformed, not positive or above
	 * the cache's maximum time to live
	 */
	public static ExpiryRequest resolve(@Nullable String ttl, @Nullable String idle, CacheSettings settings) {
		Duration resolvedTtl = (ttl != null) ? parseWithin("ttl", ttl, settings) : settings.defaultTtl();
		Duration resolvedIdle = (idle != null) ? parseWithin("idle", idle, settings) : settings.defaultIdle();
		return new ExpiryRequest(resolvedTtl, resolvedIdle);
	}

	private static Duration parseWithin(String name, String text, CacheSettings settings) {
		Duration duration = DurationParser.parse(name, text);
		if (duration.compareTo(settings.maxTtl()) > 0) {
			throw new InvalidRequestException(
					"Invalid %s '%s': it exceeds the maximum of %s for cache '%s'; ask for %s or less.".formatted(name,
							text, DurationParser.format(settings.maxTtl()), settings.name(),
							DurationParser.format(settings.maxTtl())));
		}
		return duration;
	}

}
