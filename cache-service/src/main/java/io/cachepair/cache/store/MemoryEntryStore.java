package io.cachepair.cache.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Ticker;
import org.jspecify.annotations.Nullable;

import io.cachepair.cache.entry.EntryStore;
import io.cachepair.cache.entry.EntryView;
import io.cachepair.cache.entry.NewEntry;
import io.cachepair.cache.entry.Precondition;
import io.cachepair.cache.entry.RemoveOutcome;
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

	@Override
	public @Nullable EntryView read(String cacheName, String key) {
		MemoryCache cache = this.caches.get(cacheName);
		return (cache != null) ? cache.read(key) : null;
	}

	@Override
	public WriteOutcome write(CacheSettings settings, String key, NewEntry entry, Precondition precondition) {
		MemoryCache cache = this.caches.computeIfAbsent(settings.name(),
				(name) -> new MemoryCache(settings, this.ticker));
		return cache.write(key, entry, precondition);
	}

	@Override
	public RemoveOutcome remove(String cacheName, String key, Precondition precondition) {
		MemoryCache cache = this.caches.get(cacheName);
		if (cache == null) {
			return precondition.allows(null) ? RemoveOutcome.NOT_FOUND : RemoveOutcome.PRECONDITION_FAILED;
		}
		return cache.remove(key, precondition);
	}

	@Override
	public long removeByPrefix(String cacheName, String prefix) {
		MemoryCache cache = this.caches.get(cacheName);
		return (cache != null) ? cache.removeByPrefix(prefix) : 0;
	}

	@Override
	public long removeByTag(String cacheName, String tag) {
		MemoryCache cache = this.caches.get(cacheName);
		return (cache != null) ? cache.removeByTag(tag) : 0;
	}

	@Override
	public long flush(String cacheName) {
		MemoryCache cache = this.caches.get(cacheName);
		return (cache != null) ? cache.flush() : 0;
	}

}
