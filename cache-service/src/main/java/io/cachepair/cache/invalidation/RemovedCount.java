package io.cachepair.cache.invalidation;

/**
 * The answer to a removal of many entries.
 *
 * @param removed the number of entries removed
 */
public record RemovedCount(long removed) {
}
