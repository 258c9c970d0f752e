package io.cachepair.cache.entry;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * An atomic addition to a counter.
 *
 * @param key the counter's key
 * @param delta the amount to add, possibly negative
 * @param ttl the time to live to set
 * @param idle the idle timeout to set, or {@code null} for none
 * @param keepExpiry whether an existing counter keeps its current expiry, which is the
 * case when the request named neither {@code ttl} nor {@code idle}
 */
public record CounterUpdate(String key, long delta, Duration ttl, @Nullable Duration idle, boolean keepExpiry) {
}
