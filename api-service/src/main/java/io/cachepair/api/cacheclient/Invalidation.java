package io.cachepair.api.cacheclient;

import java.time.Duration;

/**
 * A change to cache-service entries that a committed write makes necessary, so that later
 * reads see the write.
 */
public sealed interface Invalidation {

	/**
	 * Replaces an entry with a tombstone: a short value of its own content type, unique
	 * to this write. A read that finds it loads afresh and may store its value only in
	 * place of this exact tombstone, so a read that loaded before the write cannot store
	 * its outdated value after it.
	 * @param cache name of the cache
	 * @param key key of the entry
	 * @param ttl time to live of the tombstone, longer than any load may take
	 * @return the invalidation
	 */
	static Invalidation tombstone(String cache, String key, Duration ttl) {
		return new Tombstone(cache, key, ttl);
	}

	/**
	 * Gives a cache a new generation, so that reads through
	 * {@link ReadThroughCache#readInGeneration} use new keys from then on.
	 * @param cache name of the cache
	 * @param ttl time to live of the generation entry
	 * @return the invalidation
	 */
	static Invalidation newGeneration(String cache, Duration ttl) {
		return new NewGeneration(cache, ttl);
	}

	/**
	 * Removes every entry of a cache that was written with the tag.
	 * @param cache name of the cache
	 * @param tag the tag
	 * @return the invalidation
	 */
	static Invalidation tagRemoval(String cache, String tag) {
		return new TagRemoval(cache, tag);
	}

	/**
	 * Returns a description for log messages, such as {@code tag 'product-pages' in cache
	 * 'product-pages'}.
	 * @return the description
	 */
	String description();

	/**
	 * A tombstone in place of one entry.
	 *
	 * @param cache name of the cache
	 * @param key key of the entry
	 * @param ttl time to live of the tombstone
	 */
	record Tombstone(String cache, String key, Duration ttl) implements Invalidation {

		@Override
		public String description() {
			return "tombstone for key '" + this.key + "' in cache '" + this.cache + "'";
		}

	}

	/**
	 * A new generation of one cache.
	 *
	 * @param cache name of the cache
	 * @param ttl time to live of the generation entry
	 */
	record NewGeneration(String cache, Duration ttl) implements Invalidation {

		@Override
		public String description() {
			return "new generation of cache '" + this.cache + "'";
		}

	}

	/**
	 * The removal of one tag.
	 *
	 * @param cache name of the cache
	 * @param tag the tag
	 */
	record TagRemoval(String cache, String tag) implements Invalidation {

		@Override
		public String description() {
			return "tag '" + this.tag + "' in cache '" + this.cache + "'";
		}

	}

}
