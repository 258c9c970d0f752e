package io.cachepair.cache.entry;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.cachepair.cache.settings.CacheSettings;

/**
 * Where entries live. Every store gives the same semantics: a read never returns an
 * expired entry and refreshes the idle timeout only of a live one; a precondition and the
 * change it guards happen atomically; removal by tag removes every entry written with the
 * tag before the removal started.
 */
public interface EntryStore {

	/**
	 * Reads a live entry, refreshing its idle timeout and counting a hit or a miss.
	 * @param cacheName the cache name
	 * @param key the key
	 * @return the entry, or {@code null} when it is absent or expired
	 */
	@Nullable EntryView read(String cacheName, String key);

	/**
	 * Reads many entries, like {@link #read} for each key.
	 * @param cacheName the cache name
	 * @param keys the keys, possibly spread over many nodes of a cluster
	 * @return one element per key in the same order, {@code null} for a miss
	 */
	List<@Nullable EntryView> readAll(String cacheName, List<String> keys);

	/**
	 * Writes an entry if the precondition allows it.
	 * @param cache the settings of the cache, which is created if needed
	 * @param key the key
	 * @param entry the entry
	 * @param precondition the precondition on the current entry
	 * @return what the write did
	 */
	WriteOutcome write(CacheSettings cache, String key, NewEntry entry, Precondition precondition);

	/**
	 * Writes many entries unconditionally. Callers check every entry before calling, so
	 * that a rejected batch stores nothing.
	 * @param cache the settings of the cache, which is created if needed
	 * @param entries the entries with their keys
	 * @return one outcome per entry, in the same order
	 */
	List<WriteOutcome> writeAll(CacheSettings cache, List<KeyedEntry> entries);

	/**
	 * Adds to a counter atomically, creating it at zero first when absent or expired.
	 * @param cache the settings of the cache, which is created if needed
	 * @param update the key, the amount and the expiry
	 * @return the counter's new value
	 * @throws CounterConflictException if the entry is not a counter or the sum would
	 * overflow; nothing changes then
	 */
	long increment(CacheSettings cache, CounterUpdate update);

	/**
	 * Removes an entry if the precondition allows it.
	 * @param cacheName the cache name
	 * @param key the key
	 * @param precondition the precondition on the current entry
	 * @return what the removal did
	 */
	RemoveOutcome remove(String cacheName, String key, Precondition precondition);

	/**
	 * Removes every entry whose key starts with a prefix.
	 * @param cacheName the cache name
	 * @param prefix the key prefix, not empty
	 * @return the number of entries removed
	 */
	long removeByPrefix(String cacheName, String prefix);

	/**
	 * Removes every entry written with a tag.
	 * @param cacheName the cache name
	 * @param tag the tag
	 * @return the number of entries removed
	 */
	long removeByTag(String cacheName, String tag);

	/**
	 * Removes every entry of a cache.
	 * @param cacheName the cache name
	 * @return the number of entries removed
	 */
	long flush(String cacheName);

	/**
	 * Removes every entry of a cache and deletes the cache.
	 * @param cacheName the cache name
	 * @return the number of entries removed
	 */
	long drop(String cacheName);

	/**
	 * Applies changed settings to an existing cache; a lower bound evicts at once.
	 * @param cache the new settings
	 */
	void configure(CacheSettings cache);

	/**
	 * Returns the store's figures for a cache's contents.
	 * @param cacheName the cache name
	 * @return the usage, {@link StoreUsage#EMPTY} for a cache with no entries yet
	 */
	StoreUsage usage(String cacheName);

}
