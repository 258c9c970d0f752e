package io.cachepair.cache.invalidation;

/**
 * The response to a removal of many entries.
 *
 * @param removed the number of entries removed
 */
public record RemovedCount(long removed) {
}
