package io.cachepair.cache.store.redis;

/**
 * An entry key together with one tag set that should list it.
 *
 * @param tagSet the Redis key of the tag set
 * @param tag the tag
 * @param entry the Redis key of the entry
 */
record TagLink(byte[] tagSet, String tag, byte[] entry) {
}
