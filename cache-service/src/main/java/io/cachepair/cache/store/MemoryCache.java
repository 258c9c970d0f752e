package io.cachepair.cache.store;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Policy.VarExpiration;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;
import org.jspecify.annotations.Nullable;

import io.cachepair.cache.entry.CounterConflictException;
import io.cachepair.cache.entry.CounterUpdate;
import io.cachepair.cache.entry.CounterValues;
import io.cachepair.cache.entry.EntityTag;
import io.cachepair.cache.entry.EntryView;
import io.cachepair.cache.entry.NewEntry;
import io.cachepair.cache.entry.Precondition;
import io.cachepair.cache.entry.RemoveOutcome;
import io.cachepair.cache.entry.StoreUsage;
import io.cachepair.cache.entry.WriteOutcome;
import io.cachepair.cache.settings.CacheSettings;
import io.cachepair.cache.web.PayloadTooLargeException;

/**
 * One cache of the memory store: a bounded Caffeine cache of entries plus an index from
 * each tag to the keys written with it.
 * <p>
 * Both bounds are enforced through Caffeine's weight: an entry weighs its size in bytes,
 * but at least {@code maxBytes / maxEntries}, so a total weight within {@code maxBytes}
 * also keeps the count within {@code maxEntries}. A write adds its key to the tag index
 * inside Caffeine's per-key compute, before the entry becomes visible, so a removal by
 * tag never misses a live tagged entry.
 */
final class MemoryCache {

	private final Cache<String, StoredEntry> entries;

	private final ConcurrentMap<String, StoredEntry> map;

	private final TagIndex tagIndex = new TagIndex();

	private final Ticker ticker;

	private final AtomicLong bytes = new AtomicLong();

	private final MemoryCacheCounters counters = new MemoryCacheCounters();

	private volatile CacheSettings settings;

	private volatile long minWeight;

	MemoryCache(CacheSettings settings, Ticker ticker) {
		this.ticker = ticker;
		this.settings = settings;
		this.minWeight = minWeight(settings);
		this.entries = Caffeine.newBuilder()
			.ticker(ticker)
			.executor(Runnable::run)
			.maximumWeight(settings.maxBytes())
			.<String, StoredEntry>weigher(this::weight)
			.expireAfter(new EntryExpiry())
			.evictionListener(this::onEviction)
			.build();
		this.map = this.entries.asMap();
	}

	private static long minWeight(CacheSettings settings) {
		return Math.ceilDiv(settings.maxBytes(), settings.maxEntries());
	}

	private int weight(String key, StoredEntry entry) {
		return (int) Math.min(Integer.MAX_VALUE, Math.max(this.minWeight, EntrySize.of(key, entry)));
	}

	@Nullable EntryView read(String key) {
		StoredEntry entry = this.entries.getIfPresent(key);
		if (entry == null) {
			return null;
		}
		long now = this.ticker.read();
		return new EntryView(entry.value(), entry.contentType(), entry.etag(),
				Duration.ofNanos(now - entry.writtenAt()),
				Duration.ofNanos(Math.max(0, entry.nanosLeftAfterRead(now))));
	}

	WriteOutcome write(String key, NewEntry entry, Precondition precondition) {
		StoredEntry next = toStored(entry, this.ticker.read());
		long size = checkSize(key, next);
		WriteOutcome[] outcome = new WriteOutcome[1];
		Set<String> droppedTags = new HashSet<>();
		try {
			this.map.compute(key, (ignored, current) -> {
				if (!precondition.allows((current != null) ? current.etag() : null)) {
					throw UnchangedSignal.INSTANCE;
				}
				this.tagIndex.add(key, next.tags());
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
		return outcome[0];
	}

	private long checkSize(String key, StoredEntry entry) {
		long size = EntrySize.of(key, entry);
		CacheSettings current = this.settings;
		if (size > current.maxBytes()) {
			// Caffeine would admit it and at once evict it, and possibly other entries
			// too.
			throw new PayloadTooLargeException(
					"The entry counts %d bytes, over the byte bound of %d bytes of cache '%s'; nothing was stored."
						.formatted(size, current.maxBytes(), current.name()));
		}
		return size;
	}

	private static StoredEntry toStored(NewEntry entry, long now) {
		long idleNanos = (entry.idle() != null) ? entry.idle().toNanos() : 0;
		return new StoredEntry(entry.value(), entry.contentType(), entry.etag(), Set.copyOf(entry.tags()), now,
				saturatedAdd(now, entry.ttl().toNanos()), idleNanos);
	}

	private static long saturatedAdd(long left, long right) {
		long sum = left + right;
		return (((left ^ sum) & (right ^ sum)) < 0) ? Long.MAX_VALUE : sum;
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
					this.tagIndex.remove(key, tag);
				}
				throw UnchangedSignal.INSTANCE;
			});
		}
		catch (UnchangedSignal ex) {
			// Expected: the entry itself stays as it is.
		}
	}

	long increment(CounterUpdate update) {
		long now = this.ticker.read();
		long[] sum = new long[1];
		this.map.compute(update.key(), (key, current) -> {
			long base = (current != null) ? counterValue(key, current) : 0;
			sum[0] = CounterValues.add(key, base, update.delta());
			StoredEntry next = nextCounter(update, current, sum[0], now);
			this.bytes.addAndGet(EntrySize.of(key, next) - ((current != null) ? EntrySize.of(key, current) : 0));
			return next;
		});
		return sum[0];
	}

	private static long counterValue(String key, StoredEntry entry) {
		Long value = CounterValues.parse(entry.value());
		if (value == null) {
			throw CounterConflictException.notACounter(key);
		}
		return value;
	}

	private static StoredEntry nextCounter(CounterUpdate update, @Nullable StoredEntry current, long value, long now) {
		byte[] bytes = CounterValues.format(value);
		EntityTag etag = EntityTag.of(bytes);
		Set<String> tags = (current != null) ? current.tags() : Set.of();
		if (current != null && update.keepExpiry()) {
			return new StoredEntry(bytes, CounterValues.CONTENT_TYPE, etag, tags, now, current.expiresAt(),
					current.idleNanos());
		}
		long idleNanos = (update.idle() != null) ? update.idle().toNanos() : 0;
		return new StoredEntry(bytes, CounterValues.CONTENT_TYPE, etag, tags, now,
				saturatedAdd(now, update.ttl().toNanos()), idleNanos);
	}

	RemoveOutcome remove(String key, Precondition precondition) {
		RemoveOutcome[] outcome = { RemoveOutcome.NOT_FOUND };
		try {
			this.map.compute(key, (ignored, current) -> {
				if (!precondition.allows((current != null) ? current.etag() : null)) {
					throw UnchangedSignal.INSTANCE;
				}
				if (current != null) {
					release(key, current);
					outcome[0] = RemoveOutcome.REMOVED;
				}
				return null;
			});
		}
		catch (UnchangedSignal ex) {
			return RemoveOutcome.PRECONDITION_FAILED;
		}
		return outcome[0];
	}

	long removeByPrefix(String prefix) {
		return removeMatching(List.copyOf(this.map.keySet()), (key) -> key.startsWith(prefix), (entry) -> true);
	}

	long removeByTag(String tag) {
		return removeMatching(this.tagIndex.keysWith(tag), (key) -> true, (entry) -> entry.tags().contains(tag));
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
		return removed;
	}

	private boolean removeIf(String key, Predicate<StoredEntry> entryTest) {
		boolean[] removed = new boolean[1];
		try {
			this.map.computeIfPresent(key, (ignored, current) -> {
				if (!entryTest.test(current)) {
					throw UnchangedSignal.INSTANCE;
				}
				release(key, current);
				removed[0] = true;
				return null;
			});
		}
		catch (UnchangedSignal ex) {
			return false;
		}
		return removed[0];
	}

	private void release(String key, StoredEntry entry) {
		this.tagIndex.remove(key, entry.tags());
		this.bytes.addAndGet(-EntrySize.of(key, entry));
	}

	private void onEviction(@Nullable String key, @Nullable StoredEntry entry, RemovalCause cause) {
		if (key == null || entry == null) {
			return;
		}
		release(key, entry);
		if (cause == RemovalCause.EXPIRED) {
			this.counters.expirations.increment();
		}
		else {
			this.counters.evictions.increment();
		}
	}

	/**
	 * Applies new bounds. Every entry is weighed again under the new entry bound, keeping
	 * the time it has left, and the byte bound evicts at once.
	 * @param newSettings the new settings
	 */
	void configure(CacheSettings newSettings) {
		this.settings = newSettings;
		this.minWeight = minWeight(newSettings);
		VarExpiration<String, StoredEntry> expiration = this.entries.policy().expireVariably().orElseThrow();
		for (String key : List.copyOf(this.map.keySet())) {
			expiration.getExpiresAfter(key)
				.ifPresent((timeLeft) -> expiration.compute(key, (ignored, current) -> current, timeLeft));
		}
		this.entries.policy().eviction().orElseThrow().setMaximum(newSettings.maxBytes());
		this.entries.cleanUp();
	}

	/**
	 * Returns the number of live entries and their bytes, after removing expired entries
	 * and finishing pending evictions so that neither figure exceeds its bound.
	 * @return the current usage
	 */
	StoreUsage usage() {
		this.entries.cleanUp();
		return new StoreUsage(this.entries.estimatedSize(), this.bytes.get(), this.counters.evictions.sum(),
				this.counters.expirations.sum());
	}

	/**
	 * Returns an entry without counting a read or refreshing its idle timeout.
	 * @param key the key
	 * @return the live entry, or {@code null}
	 */
	@Nullable StoredEntry storedQuietly(String key) {
		return this.entries.policy().getIfPresentQuietly(key);
	}

}
