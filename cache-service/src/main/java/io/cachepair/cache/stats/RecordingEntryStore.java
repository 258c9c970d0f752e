package io.cachepair.cache.stats;

import java.util.List;

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
 * An entry store that counts each cache's hits, misses, writes and removals before
 * handing the call to the store that keeps the entries, so every store gets the same
 * statistics.
 */
public class RecordingEntryStore implements EntryStore {

	private final EntryStore delegate;

	private final CacheActivityRegistry activity;

	public RecordingEntryStore(EntryStore delegate, CacheActivityRegistry activity) {
		this.delegate = delegate;
		this.activity = activity;
	}

	@Override
	public @Nullable EntryView read(String cacheName, String key) {
		EntryView view = this.delegate.read(cacheName, key);
		CacheActivity counts = this.activity.forCache(cacheName);
		((view != null) ? counts.hits : counts.misses).increment();
		return view;
	}

	@Override
	public List<@Nullable EntryView> readAll(String cacheName, List<String> keys) {
		List<@Nullable EntryView> views = this.delegate.readAll(cacheName, keys);
		CacheActivity counts = this.activity.forCache(cacheName);
		long hits = views.stream().filter((view) -> view != null).count();
		counts.hits.add(hits);
		counts.misses.add(views.size() - hits);
		return views;
	}

	@Override
	public WriteOutcome write(CacheSettings cache, String key, NewEntry entry, Precondition precondition) {
		WriteOutcome outcome = this.delegate.write(cache, key, entry, precondition);
		if (outcome != WriteOutcome.PRECONDITION_FAILED) {
			this.activity.forCache(cache.name()).puts.increment();
		}
		return outcome;
	}

	@Override
	public List<WriteOutcome> writeAll(CacheSettings cache, List<KeyedEntry> entries) {
		List<WriteOutcome> outcomes = this.delegate.writeAll(cache, entries);
		this.activity.forCache(cache.name()).puts.add(outcomes.size());
		return outcomes;
	}

	@Override
	public long increment(CacheSettings cache, CounterUpdate update) {
		long value = this.delegate.increment(cache, update);
		this.activity.forCache(cache.name()).puts.increment();
		return value;
	}

	@Override
	public RemoveOutcome remove(String cacheName, String key, Precondition precondition) {
		RemoveOutcome outcome = this.delegate.remove(cacheName, key, precondition);
		if (outcome == RemoveOutcome.REMOVED) {
			this.activity.forCache(cacheName).removals.increment();
		}
		return outcome;
	}

	@Override
	public long removeByPrefix(String cacheName, String prefix) {
		return countRemovals(cacheName, this.delegate.removeByPrefix(cacheName, prefix));
	}

	@Override
	public long removeByTag(String cacheName, String tag) {
		return countRemovals(cacheName, this.delegate.removeByTag(cacheName, tag));
	}

	@Override
	public long flush(String cacheName) {
		return countRemovals(cacheName, this.delegate.flush(cacheName));
	}

	private long countRemovals(String cacheName, long removed) {
		this.activity.forCache(cacheName).removals.add(removed);
		return removed;
	}

	@Override
	public long drop(String cacheName) {
		long removed = this.delegate.drop(cacheName);
		this.activity.remove(cacheName);
		return removed;
	}

	@Override
	public void configure(CacheSettings cache) {
		this.delegate.configure(cache);
	}

	@Override
	public StoreUsage usage(String cacheName) {
		return this.delegate.usage(cacheName);
	}

}
