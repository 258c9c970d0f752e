package io.cachepair.cache.entry;

/**
 * One entry of a batch write, with its key.
 *
 * @param key the key
 * @param entry the entry
 */
public record KeyedEntry(String key, NewEntry entry) {
}
