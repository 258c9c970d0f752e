package io.cachepair.cache.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Ticker;
import org.jspecify.annotations.Nullable;

import io.cachepair.cache.entry.CounterUpdate;
import io.cachepair.cache.entry.EntryStore;
import io.cachepair.cache.entry.EntryView;
import io.cachepair.cache.entry.KeyedEntry;
import io.cachepair.cache.entry.NewEntry;
import io.cachepair.cache.entry.Precondition;
import io.cachepair.cache.entry.RemoveOutcome;
import io.cachepair.cache.entry.StoreUsage;
import io.cachepair.cache.entry.WriteOutcome;
import io.cachepair.cache.settings.CacheSettings;

/**
 * The entry store that keeps every cache in this process's memory, one Caffeine cache per
 * name, evicting with Caffeine's W-TinyLFU policy.
 */
public class MemoryEntryStore implements EntryStore {

	private final Map<String, MemoryCache> caches = new ConcurrentHashMap<>();

	private final Ticker ticker;

	public MemoryEntryStore(Ticker ticker) {
		this.ticker = ticker;
	}

	private @Nullable MemoryCache find(String cacheName) {
		return this.caches.get(cacheName);
	}

	private MemoryCache findOrCreate(CacheSettings settings) {
		return this.caches.computeIfAbsent(settings.name(), (name) -> new MemoryCache(settings, this.ticker));
	}

	@Override
	public @Nullable EntryView read(String cacheName, String key) {
		MemoryCache cache = find(cacheName);
		return (cache != null) ? cache.read(key) : null;
	}

	@Override
	public List<@Nullable EntryView> readAll(String cacheName, List<String> keys) {
		MemoryCache cache = find(cacheName);
		List<@Nullable EntryView> views = new ArrayList<>(keys.size());
		for (String key : keys) {
			views.add((cache != null) ? cache.read(key) : null);
		}
		return views;
	}

	@Override
	public WriteOutcome write(CacheSettings settings, String key, NewEntry entry, Precondition precondition) {
		return findOrCreate(settings).write(key, entry, precondition);
	}

	@Override
	public List<WriteOutcome> writeAll(CacheSettings settings, List<KeyedEntry> entries) {
		MemoryCache cache = findOrCreate(settings);
		List<WriteOutcome> outcomes = new ArrayList<>(entries.size());
		for (KeyedEntry keyed : entries) {
			outcomes.add(cache.write(keyed.key(), keyed.entry(), Precondition.NONE));
		}
		return outcomes;
	}

	@Override
	public long increment(CacheSettings settings, CounterUpdate update) {
		return findOrCreate(settings).increment(update);
	}

	@Override
	public RemoveOutcome remove(String cacheName, String key, Precondition precondition) {
		MemoryCache cache = find(cacheName);
		if (cache == null) {
			return precondition.allows(null) ? RemoveOutcome.NOT_FOUND : RemoveOutcome.PRECONDITION_FAILED;
		}
		return cache.remove(key, precondition);
	}

	@Override
	public long removeByPrefix(String cacheName, String prefix) {
		MemoryCache cache = find(cacheName);
		return (cache != null) ? cache.removeByPrefix(prefix) : 0;
	}

	@Override
	public long removeByTag(String cacheName, String tag) {
		MemoryCache cache = find(cacheName);
		return (cache != null) ? cache.removeByTag(tag) : 0;
	}

	@Override
	public long flush(String cacheName) {
		MemoryCache cache = find(cacheName);
		return (cache != null) ? cache.flush() : 0;
	}

	@Override
	public long drop(String cacheName) {
		MemoryCache cache = this.caches.remove(cacheName);
		return (cache != null) ? cache.flush() : 0;
	}

	@Override
	public void configure(CacheSettings settings) {
		MemoryCache cache = find(settings.name());
		if (cache != null) {
			cache.configure(settings);
		}
	}

	@Override
	public StoreUsage usage(String cacheName) {
		MemoryCache cache = find(cacheName);
		return (cache != null) ? cache.usage() : StoreUsage.EMPTY;
	}

}
