package io.cachepair.cache.store.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.ValueScanCursor;

/**
 * The tag index of the Redis store: one set of entry keys per cache and tag. A tag set
 * and the entries it lists usually live in different cluster slots, so no command updates
 * both atomically. Instead, three rules keep every live tagged entry findable.
 * <ul>
 * <li>A write adds its key to each tag set both before and after it stores the entry, so
 * the key is listed while the entry is visible, even if a removal by tag moves the set
 * aside in between.</li>
 * <li>A key leaves a tag set only with the snapshot of a removal by tag. A write that
 * drops a tag, and a removal by key, prefix or flush, leave the key listed. Taking it out
 * cannot be atomic with the entry, so it could undo a concurrent write's listing, and a
 * removal by tag that ran before the listing was restored would miss that write. A stale
 * key costs a skipped check in the next removal by tag, and leaves with the set when it
 * expires after the longest TTL added to it.</li>
 * <li>A removal by tag renames the set to a snapshot, registers the snapshot, and removes
 * the entries listed in every registered snapshot, its own and those of removals still
 * running, each only if the entry itself still carries the tag.</li>
 * </ul>
 */
final class RedisTagSets {

	private final RedisCommandRunner runner;

	private final int batchSize;

	RedisTagSets(RedisCommandRunner runner, int batchSize) {
		this.runner = runner;
		this.batchSize = batchSize;
	}

	/**
	 * Adds entry keys to tag sets, keeping each set for at least the entry's TTL.
	 * @param links the keys and their tag sets
	 * @param ttlMillis the time left of each link's entry, in the same order
	 */
	void addAll(List<TagLink> links, List<Long> ttlMillis) {
		List<ScriptCall> calls = new ArrayList<>(links.size());
		for (int i = 0; i < links.size(); i++) {
			TagLink link = links.get(i);
			calls.add(ScriptCall.of(LuaScript.TAG_ADD, link.tagSet(), link.entry(),
					RedisArguments.number(Math.max(1, ttlMillis.get(i)))));
		}
		this.runner.runAll(calls);
	}

	/**
	 * Removes every entry that carries a tag and is listed in the tag's set or in a
	 * snapshot of a removal still running.
	 * @param tagSet the Redis key of the tag set
	 * @param tag the tag
	 * @param now the current time in milliseconds
	 * @return the number of live entries removed
	 */
	long removeByTag(byte[] tagSet, String tag, long now) {
		byte[] snapshot = RedisKeys.snapshot(tagSet, UUID.randomUUID().toString());
		byte[] registry = RedisKeys.registry(tagSet);
		List<Object> registered = this.runner
			.run(new ScriptCall(LuaScript.TAG_SNAPSHOT, new byte[][] { tagSet, snapshot, registry }, new byte[0][]));
		long removed = 0;
		for (Object member : registered) {
			removed += removeListed((byte[]) member, registry, tag, now);
		}
		this.runner.await(this.runner.send((commands) -> commands.del(snapshot)));
		this.runner.await(this.runner.send((commands) -> commands.srem(registry, snapshot)));
		return removed;
	}

	private long removeListed(byte[] listing, byte[] registry, String tag, long now) {
		ScanArgs args = ScanArgs.Builder.limit(this.batchSize);
		ScanCursor cursor = ScanCursor.INITIAL;
		long removed = 0;
		boolean seenAny = false;
		do {
			ScanCursor from = cursor;
			ValueScanCursor<byte[]> page = this.runner
				.await(this.runner.send((commands) -> commands.sscan(listing, from, args)));
			seenAny |= !page.getValues().isEmpty();
			removed += removeTagged(page.getValues(), tag, now);
			cursor = page;
		}
		while (!cursor.isFinished());
		if (!seenAny && this.runner.await(this.runner.send((commands) -> commands.exists(listing))) == 0) {
			// The snapshot of a removal that died, now expired: forget it.
			this.runner.await(this.runner.send((commands) -> commands.srem(registry, listing)));
		}
		return removed;
	}

	private long removeTagged(List<byte[]> entries, String tag, long now) {
		List<ScriptCall> calls = new ArrayList<>(entries.size());
		for (byte[] entry : entries) {
			calls.add(
					ScriptCall.of(LuaScript.REMOVE_ENTRY, entry, RedisArguments.number(now), RedisArguments.text(tag)));
		}
		long removed = 0;
		for (List<Object> result : this.runner.runAll(calls)) {
			if (!result.isEmpty()) {
				removed += (Long) result.get(0);
			}
		}
		return removed;
	}

}
