package io.cachepair.cache.store;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;
import org.jspecify.annotations.Nullable;

import io.cachepair.cache.entry.EntryView;
import io.cachepair.cache.entry.NewEntry;
import io.cachepair.cache.entry.Precondition;
import io.cachepair.cache.entry.RemoveOutcome;
import io.cachepair.cache.entry.WriteOutcome;
import io.cachepair.cache.settings.CacheSettings;
import io.cachepair.cache.web.PayloadTooLargeException;

/**
 * One cache of the memory store: a bounded Caffeine cache of entries plus an index from
 * each tag to the keys written with it.
 * <p>
 * Both bounds are enforced through Caffeine's weight: an entry weighs its size in bytes,
 * but at least {@code maxBytes / maxEntries}, so a total weight within {@code maxBytes}
 * also keeps the count within {@code maxEntries}. Every change to an entry and to its tag
 * index happens inside Caffeine's per-key compute, so the index never misses a live
 * entry.
 */
final class MemoryCache {

	private final Cache<String, StoredEntry> entries;

	private final ConcurrentMap<String, StoredEntry> map;

	private final Map<String, Set<String>> keysByTag = new ConcurrentHashMap<>();

	private final Ticker ticker;

	private final CacheSettings settings;

	private final AtomicLong bytes = new AtomicLong();

	private final MemoryCacheCounters counters = new MemoryCacheCounters();

	MemoryCache(CacheSettings settings, Ticker ticker) {
		long minWeight = Math.ceilDiv(settings.maxBytes(), settings.maxEntries());
		this.ticker = ticker;
		this.settings = settings;
		this.entries = Caffeine.newBuilder()
			.ticker(ticker)
			.executor(Runnable::run)
			.maximumWeight(settings.maxBytes())
			.<String, StoredEntry>weigher((key, entry) -> weight(key, entry, minWeight))
			.expireAfter(new EntryExpiry())
			.evictionListener(this::onEviction)
			.build();
		this.map = this.entries.asMap();
	}

	private static int weight(String key, StoredEntry entry, long minWeight) {
		return (int) Math.min(Integer.MAX_VALUE, Math.max(minWeight, EntrySize.of(key, entry)));
	}

	@Nullable EntryView read(String key) {
		StoredEntry entry = this.entries.getIfPresent(key);
		if (entry == null) {
			this.counters.misses.increment();
			return null;
		}
		this.counters.hits.increment();
		long now = this.ticker.read();
		return new EntryView(entry.value(), entry.contentType(), entry.etag(),
				Duration.ofNanos(now - entry.writtenAt()),
				Duration.ofNanos(Math.max(0, entry.nanosLeftAfterRead(now))));
	}

	WriteOutcome write(String key, NewEntry entry, Precondition precondition) {
		StoredEntry next = toStored(entry, this.ticker.read());
		long size = EntrySize.of(key, next);
		if (size > this.settings.maxBytes()) {
			// Caffeine would admit it and at once evict it, and possibly other entries
			// too.
			throw new PayloadTooLargeException(
					"The entry counts %d bytes, over the byte bound of %d bytes of cache '%s'; nothing was stored."
						.formatted(size, this.settings.maxBytes(), this.settings.name()));
		}
		WriteOutcome[] outcome = new WriteOutcome[1];
		Set<String> droppedTags = new HashSet<>();
		try {
			this.map.compute(key, (ignored, current) -> {
				if (!precondition.allows((current != null) ? current.etag() : null)) {
					throw UnchangedSignal.INSTANCE;
				}
				index(key, next);
				if (current != null) {
					droppedTags.addAll(current.tags());
					droppedTags.removeAll(next.tags());
				}
				this.bytes.addAndGet(size - ((current != null) ? EntrySize.of(key, current) : 0));
				outcome[0] = (current != null) ? WriteOutcome.REPLACED : WriteOutcome.CREATED;
				return next;
			});
		}
		catch (UnchangedSignal ex) {
			return WriteOutcome.PRECONDITION_FAILED;
		}
		droppedTags.forEach((tag) -> unindexIfUntagged(key, tag));
		this.counters.puts.increment();
		return outcome[0];
	}

	private static StoredEntry toStored(NewEntry entry, long now) {
		long expiresAt = saturatedAdd(now, entry.ttl().toNanos());
		long idleNanos = (entry.idle() != null) ? entry.idle().toNanos() : 0;
		return new StoredEntry(entry.value(), entry.contentType(), entry.etag(), Set.copyOf(entry.tags()), now,
				expiresAt, idleNanos);
	}

	private static long saturatedAdd(long left, long right) {
		long sum = left + right;
		return (((left ^ sum) & (right ^ sum)) < 0) ? Long.MAX_VALUE : sum;
	}

	RemoveOutcome remove(String key, Precondition precondition) {
		RemoveOutcome[] outcome = { RemoveOutcome.NOT_FOUND };
		try {
			this.map.compute(key, (ignored, current) -> {
				if (!precondition.allows((current != null) ? current.etag() : null)) {
					throw UnchangedSignal.INSTANCE;
				}
				if (current != null) {
					unindex(key, current);
					this.bytes.addAndGet(-EntrySize.of(key, current));
					outcome[0] = RemoveOutcome.REMOVED;
				}
				return null;
			});
		}
		catch (UnchangedSignal ex) {
			return RemoveOutcome.PRECONDITION_FAILED;
		}
		if (outcome[0] == RemoveOutcome.REMOVED) {
			this.counters.removals.increment();
		}
		return outcome[0];
	}

	long removeByPrefix(String prefix) {
		return removeMatching(List.copyOf(this.map.keySet()), (key) -> key.startsWith(prefix), (entry) -> true);
	}

	long removeByTag(String tag) {
		Set<String> tagged = this.keysByTag.get(tag);
		if (tagged == null) {
			return 0;
		}
		return removeMatching(List.copyOf(tagged), (key) -> true, (entry) -> entry.tags().contains(tag));
	}

	long flush() {
		return removeMatching(List.copyOf(this.map.keySet()), (key) -> true, (entry) -> true);
	}

	private long removeMatching(List<String> candidates, Predicate<String> keyTest, Predicate<StoredEntry> entryTest) {
		long removed = 0;
		for (String key : candidates) {
			if (keyTest.test(key) && removeIf(key, entryTest)) {
				removed++;
			}
		}
		this.counters.removals.add(removed);
		return removed;
	}

	private boolean removeIf(String key, Predicate<StoredEntry> entryTest) {
		boolean[] removed = new boolean[1];
		try {
			this.map.computeIfPresent(key, (ignored, current) -> {
				if (!entryTest.test(current)) {
					throw UnchangedSignal.INSTANCE;
				}
				unindex(key, current);
				this.bytes.addAndGet(-EntrySize.of(key, current));
				removed[0] = true;
				return null;
			});
		}
		catch (UnchangedSignal ex) {
			return false;
		}
		return removed[0];
	}

	private void index(String key, StoredEntry entry) {
		for (String tag : entry.tags()) {
			// Adding inside compute keeps a concurrent unindexTag from dropping the set
			// between its lookup and this add.
			this.keysByTag.compute(tag, (ignored, keys) -> {
				Set<String> present = (keys != null) ? keys : ConcurrentHashMap.newKeySet();
				present.add(key);
				return present;
			});
		}
	}

	/**
	 * Removes a key from a tag's index once its entry no longer carries the tag. This
	 * runs after the write that dropped the tag is visible: unindexing inside that write
	 * would let a concurrent removal by tag skip the key while readers still see the old,
	 * tagged entry.
	 */
	private void unindexIfUntagged(String key, String tag) {
		try {
			this.map.compute(key, (ignored, current) -> {
				if (current == null || !current.tags().contains(tag)) {
					unindexTag(key, tag);
				}
				throw UnchangedSignal.INSTANCE;
			});
		}
		catch (UnchangedSignal ex) {
			// Expected: the entry itself stays as it is.
		}
	}

	private void unindex(String key, StoredEntry entry) {
		for (String tag : entry.tags()) {
			unindexTag(key, tag);
		}
	}

	private void unindexTag(String key, String tag) {
		this.keysByTag.computeIfPresent(tag, (ignored, keys) -> {
			keys.remove(key);
			return keys.isEmpty() ? null : keys;
		});
	}

	private void onEviction(@Nullable String key, @Nullable StoredEntry entry, RemovalCause cause) {
		if (key == null || entry == null) {
			return;
		}
		unindex(key, entry);
		this.bytes.addAndGet(-EntrySize.of(key, entry));
		if (cause == RemovalCause.EXPIRED) {
			this.counters.expirations.increment();
		}
		else {
			this.counters.evictions.increment();
		}
	}

	/**
	 * Returns the number of live entries and their bytes, after removing expired entries
	 * and finishing pending evictions so that neither figure exceeds its bound.
	 * @return the current usage
	 */
	MemoryCacheUsage usage() {
		this.entries.cleanUp();
		return new MemoryCacheUsage(this.entries.estimatedSize(), this.bytes.get());
	}

	/**
	 * Returns an entry without counting a read or refreshing its idle timeout.
	 * @param key the key
	 * @return the live entry, or {@code null}
	 */
	@Nullable StoredEntry storedQuietly(String key) {
		return this.entries.policy().getIfPresentQuietly(key);
	}

	MemoryCacheCounters counters() {
		return this.counters;
	}

}
