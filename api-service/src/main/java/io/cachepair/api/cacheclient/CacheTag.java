package io.cachepair.api.cacheclient;

/**
 * A tag within one cache of the cache-service. Removing it removes every entry of that
 * cache written with the tag.
 *
 * @param cache name of the cache
 * @param tag the tag
 */
public record CacheTag(String cache, String tag) {

}
