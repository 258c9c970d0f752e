package io.cachepair.cache.entry;

import org.jspecify.annotations.Nullable;

/**
 * The figures a store reports about one cache's contents, {@code null} for a figure the
 * store cannot compute.
 *
 * @param entries the number of live entries
 * @param bytes the bytes they count toward the byte bound
 * @param sizeEvictions entries evicted to stay within the bounds
 * @param expirations entries removed because their TTL or idle timeout ended
 */
public record StoreUsage(@Nullable Long entries, @Nullable Long bytes, @Nullable Long sizeEvictions,
		@Nullable Long expirations) {

	/** The usage of a cache that has no entries and never had any. */
	public static final StoreUsage EMPTY = new StoreUsage(0L, 0L, 0L, 0L);

}
