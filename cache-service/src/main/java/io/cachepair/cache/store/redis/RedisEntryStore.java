package io.cachepair.cache.store.redis;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.cachepair.cache.entry.CounterConflictException;
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
import io.cachepair.cache.web.PayloadTooLargeException;

/**
 * The entry store that keeps entries in Redis, so that every replica of the service reads
 * the same entries. Each check and the change it guards run in one Lua script on the
 * entry's key. Expiry is decided by deadlines from this service's clock, checked by the
 * scripts on every access; Redis's own key expiry only reclaims memory afterwards.
 * <p>
 * Redis evicts under its {@code maxmemory-policy}; the per-cache entry and byte bounds
 * are not enforced beyond rejecting a single entry larger than the byte bound, and the
 * store reports no entry or byte counts.
 */
public class RedisEntryStore implements EntryStore {

	private static final StoreUsage UNKNOWN_USAGE = new StoreUsage(null, null, null, null);

	private final RedisCommandRunner runner;

	private final RedisKeys keys;

	private final Clock clock;

	private final RedisTagSets tagSets;

	private final RedisKeyScanner scanner;

	RedisEntryStore(RedisCommandRunner runner, RedisKeys keys, Clock clock, int scanBatchSize) {
		this.runner = runner;
		this.keys = keys;
		this.clock = clock;
		this.tagSets = new RedisTagSets(runner, scanBatchSize);
		this.scanner = new RedisKeyScanner(runner, scanBatchSize);
	}

	private long now() {
		return this.clock.millis();
	}

	@Override
	public @Nullable EntryView read(String cacheName, String key) {
		return readAll(cacheName, List.of(key)).get(0);
	}

	@Override
	public List<@Nullable EntryView> readAll(String cacheName, List<String> keys) {
		RedisKeys.checkCacheName(cacheName);
		byte[] now = RedisArguments.number(now());
		List<ScriptCall> calls = new ArrayList<>(keys.size());
		for (String key : keys) {
			calls.add(ScriptCall.of(LuaScript.READ, this.keys.entry(cacheName, key), now));
		}
		List<@Nullable EntryView> views = new ArrayList<>(keys.size());
		for (List<Object> reply : this.runner.runAll(calls)) {
			views.add(reply.isEmpty() ? null : view(reply));
		}
		return views;
	}

	private static EntryView view(List<Object> reply) {
		return new EntryView((byte[]) reply.get(0), RedisArguments.text(reply.get(1)),
				RedisArguments.etag(reply.get(2)), Duration.ofMillis((Long) reply.get(3)),
				Duration.ofMillis((Long) reply.get(4)));
	}

	@Override
	public WriteOutcome write(CacheSettings cache, String key, NewEntry entry, Precondition precondition) {
		return writeEntries(cache, List.of(new KeyedEntry(key, entry)), precondition).get(0);
	}

	@Override
	public List<WriteOutcome> writeAll(CacheSettings cache, List<KeyedEntry> entries) {
		return writeEntries(cache, entries, Precondition.NONE);
	}

	private List<WriteOutcome> writeEntries(CacheSettings cache, List<KeyedEntry> entries, Precondition precondition) {
		RedisKeys.checkCacheName(cache.name());
		entries.forEach((keyed) -> checkSize(cache, keyed));
		long now = now();
		List<TagLink> links = new ArrayList<>();
		List<Long> ttls = new ArrayList<>();
		List<ScriptCall> writes = new ArrayList<>(entries.size());
		for (KeyedEntry keyed : entries) {
			byte[] entryKey = this.keys.entry(cache.name(), keyed.key());
			for (String tag : keyed.entry().tags()) {
				links.add(new TagLink(this.keys.tagSet(cache.name(), tag), tag, entryKey));
				ttls.add(keyed.entry().ttl().toMillis());
			}
			writes.add(writeCall(entryKey, keyed.entry(), precondition, now));
		}
		this.tagSets.addAll(links, ttls);
		List<List<Object>> replies = this.runner.runAll(writes);
		// Listed again after the write, in case a removal by tag took the first listing
		// away before the entry became visible.
		this.tagSets.addAll(links, ttls);
		return outcomes(replies);
	}

	private static ScriptCall writeCall(byte[] entryKey, NewEntry entry, Precondition precondition, long now) {
		List<byte[]> args = new ArrayList<>(8 + entry.tags().size());
		args.add(RedisArguments.number(now));
		args.add(entry.value());
		args.add(RedisArguments.text(entry.contentType()));
		args.add(RedisArguments.text(entry.etag().opaque()));
		args.add(RedisArguments.number(RedisArguments.millis(entry.ttl())));
		args.add(RedisArguments.number(RedisArguments.millis(entry.idle())));
		args.add(RedisArguments.ifMatch(precondition.ifMatch()));
		args.add(RedisArguments.ifNoneMatch(precondition.ifNoneMatch()));
		entry.tags().forEach((tag) -> args.add(RedisArguments.text(tag)));
		return ScriptCall.of(LuaScript.WRITE, entryKey, args.toArray(new byte[0][]));
	}

	private static List<WriteOutcome> outcomes(List<List<Object>> replies) {
		List<WriteOutcome> outcomes = new ArrayList<>(replies.size());
		for (List<Object> reply : replies) {
			String outcome = RedisArguments.text(reply.get(0));
			outcomes.add(switch (outcome) {
				case "created" -> WriteOutcome.CREATED;
				case "replaced" -> WriteOutcome.REPLACED;
				default -> WriteOutcome.PRECONDITION_FAILED;
			});
		}
		return outcomes;
	}

	private static void checkSize(CacheSettings cache, KeyedEntry keyed) {
		NewEntry entry = keyed.entry();
		long size = keyed.key().getBytes(StandardCharsets.UTF_8).length + entry.value().length
				+ entry.contentType().length();
		for (String tag : entry.tags()) {
			size += tag.length();
		}
		if (size > cache.maxBytes()) {
			throw new PayloadTooLargeException(
					"The entry counts %d bytes, over the byte bound of %d bytes of cache '%s'; nothing was stored."
						.formatted(size, cache.maxBytes(), cache.name()));
		}
	}

	@Override
	public long increment(CacheSettings cache, CounterUpdate update) {
		RedisKeys.checkCacheName(cache.name());
		long now = now();
		byte[] entryKey = this.keys.entry(cache.name(), update.key());
		List<Object> reply = this.runner.run(ScriptCall.of(LuaScript.INCREMENT, entryKey, RedisArguments.number(now),
				RedisArguments.number(update.delta()), RedisArguments.number(RedisArguments.millis(update.ttl())),
				RedisArguments.number(RedisArguments.millis(update.idle())),
				RedisArguments.text(update.keepExpiry() ? "1" : "0")));
		switch (RedisArguments.text(reply.get(0))) {
			case "not-counter" -> throw CounterConflictException.notACounter(update.key());
			case "overflow" -> throw CounterConflictException.overflow(update.key(),
					Long.parseLong(RedisArguments.text(reply.get(1))), update.delta());
			default -> {
				// A new TTL may outlast the tag sets that list the counter.
				relinkTags(cache.name(), entryKey, RedisArguments.texts(reply, 3), (Long) reply.get(2));
				return Long.parseLong(RedisArguments.text(reply.get(1)));
			}
		}
	}

	private void relinkTags(String cacheName, byte[] entryKey, List<String> tags, long ttlMillis) {
		List<TagLink> links = new ArrayList<>(tags.size());
		List<Long> ttls = new ArrayList<>(tags.size());
		for (String tag : tags) {
			links.add(new TagLink(this.keys.tagSet(cacheName, tag), tag, entryKey));
			ttls.add(ttlMillis);
		}
		this.tagSets.addAll(links, ttls);
	}

	@Override
	public RemoveOutcome remove(String cacheName, String key, Precondition precondition) {
		RedisKeys.checkCacheName(cacheName);
		long now = now();
		byte[] entryKey = this.keys.entry(cacheName, key);
		List<Object> reply = this.runner.run(ScriptCall.of(LuaScript.REMOVE, entryKey, RedisArguments.number(now),
				RedisArguments.ifMatch(precondition.ifMatch()),
				RedisArguments.ifNoneMatch(precondition.ifNoneMatch())));
		return switch (RedisArguments.text(reply.get(0))) {
			case "removed" -> RemoveOutcome.REMOVED;
			case "absent" -> RemoveOutcome.NOT_FOUND;
			default -> RemoveOutcome.PRECONDITION_FAILED;
		};
	}

	@Override
	public long removeByPrefix(String cacheName, String prefix) {
		RedisKeys.checkCacheName(cacheName);
		return removeMatching(cacheName, prefix);
	}

	@Override
	public long removeByTag(String cacheName, String tag) {
		RedisKeys.checkCacheName(cacheName);
		return this.tagSets.removeByTag(this.keys.tagSet(cacheName, tag), tag, now());
	}

	@Override
	public long flush(String cacheName) {
		RedisKeys.checkCacheName(cacheName);
		return removeMatching(cacheName, "");
	}

	private long removeMatching(String cacheName, String prefix) {
		long[] removed = new long[1];
		this.scanner.forEachBatch(this.keys.entryPattern(cacheName, prefix), (batch) -> {
			long now = now();
			List<ScriptCall> calls = new ArrayList<>(batch.size());
			for (byte[] entryKey : batch) {
				calls.add(ScriptCall.of(LuaScript.REMOVE_ENTRY, entryKey, RedisArguments.number(now)));
			}
			for (List<Object> reply : this.runner.runAll(calls)) {
				if (!reply.isEmpty()) {
					removed[0] += (Long) reply.get(0);
				}
			}
		});
		return removed[0];
	}

	@Override
	public long drop(String cacheName) {
		return flush(cacheName);
	}

	@Override
	public void configure(CacheSettings cache) {
		// The Redis store enforces no per-cache bounds, so new settings change nothing
		// here.
	}

	@Override
	public StoreUsage usage(String cacheName) {
		return UNKNOWN_USAGE;
	}

}
