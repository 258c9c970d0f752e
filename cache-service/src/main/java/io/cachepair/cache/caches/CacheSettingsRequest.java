package io.cachepair.cache.caches;

import org.jspecify.annotations.Nullable;

/**
 * The body of {@code PUT /v1/caches/{cache}}: each field given replaces the current
 * setting, each field left out keeps it.
 *
 * @param maxEntries the entry bound
 * @param maxBytes the byte bound, a number of bytes or a size such as {@code 64MB}
 * @param defaultTtl the TTL of an entry written without one, such as {@code 1h}
 * @param maxTtl the longest TTL or idle timeout a write may ask for
 * @param defaultIdle the idle timeout of an entry written without one, or {@code none}
 */
public record CacheSettingsRequest(@Nullable Long maxEntries, @Nullable String maxBytes, @Nullable String defaultTtl,
		@Nullable String maxTtl, @Nullable String defaultIdle) {
}
