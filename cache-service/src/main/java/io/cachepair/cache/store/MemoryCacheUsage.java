package io.cachepair.cache.store;

/**
 * The live entries of one cache of the memory store and the bytes they count.
 *
 * @param entries the number of live entries
 * @param bytes their size as counted toward the byte bound
 */
record MemoryCacheUsage(long entries, long bytes) {
}
