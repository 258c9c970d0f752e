package io.cachepair.cache.store.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

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
 * <li>A key leaves a tag set only by a removal by tag, or by an unlink that then checks
 * the entry and adds the key back if the entry carries the tag again.</li>
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
	 * Removes entry keys from tag sets their entries no longer need, then adds back each
	 * key whose live entry carries the tag by then, because a concurrent write may have
	 * tagged it again between its own additions.
	 * @param links the keys and the tag sets to take them out of
	 * @param now the current time in milliseconds
	 */
	void unlink(List<TagLink> links, long now) {
		if (links.isEmpty()) {
			return;
		}
		List<CompletionStage<Long>> removals = new ArrayList<>(links.size());
		for (TagLink link : links) {
			removals.add(this.runner.send((commands) -> commands.srem(link.tagSet(), link.entry())));
		}
		removals.forEach(this.runner::await);
		List<ScriptCall> checks = new ArrayList<>(links.size());
		for (TagLink link : links) {
			checks.add(ScriptCall.of(LuaScript.TAG_CHECK, link.entry(), RedisArguments.number(now),
					RedisArguments.text(link.tag())));
		}
		List<List<Object>> results = this.runner.runAll(checks);
		List<TagLink> relink = new ArrayList<>();
		List<Long> ttlMillis = new ArrayList<>();
		for (int i = 0; i < links.size(); i++) {
			long left = (Long) results.get(i).get(0);
			if (left >= 0) {
				relink.add(links.get(i));
				ttlMillis.add(left);
			}
		}
		addAll(relink, ttlMillis);
	}

	/**
	 * Removes every entry that carries a tag and is listed in the tag's set or in a
	 * snapshot of a removal still running.
	 * @param tagSet the Redis key of the tag set
	 * @param tag the tag
	 * @param now the current time in milliseconds
	 * @param tagSets how to name the tag sets of the removed entries' other tags
	 * @return the number of live entries removed
	 */
	long removeByTag(byte[] tagSet, String tag, long now, TagSetNamer tagSets) {
		byte[] snapshot = RedisKeys.snapshot(tagSet, UUID.randomUUID().toString());
		byte[] registry = RedisKeys.registry(tagSet);
		List<Object> registered = this.runner
			.run(new ScriptCall(LuaScript.TAG_SNAPSHOT, new byte[][] { tagSet, snapshot, registry }, new byte[0][]));
		long removed = 0;
		for (Object member : registered) {
			removed += removeListed((byte[]) member, registry, tag, now, tagSets);
		}
		this.runner.await(this.runner.send((commands) -> commands.del(snapshot)));
		this.runner.await(this.runner.send((commands) -> commands.srem(registry, snapshot)));
		return removed;
	}

	private long removeListed(byte[] listing, byte[] registry, String tag, long now, TagSetNamer tagSets) {
		ScanArgs args = ScanArgs.Builder.limit(this.batchSize);
		ScanCursor cursor = ScanCursor.INITIAL;
		long removed = 0;
		boolean seenAny = false;
		do {
			ScanCursor from = cursor;
			ValueScanCursor<byte[]> page = this.runner
				.await(this.runner.send((commands) -> commands.sscan(listing, from, args)));
			seenAny |= !page.getValues().isEmpty();
			removed += removeTagged(page.getValues(), tag, now, tagSets);
			cursor = page;
		}
		while (!cursor.isFinished());
		if (!seenAny && this.runner.await(this.runner.send((commands) -> commands.exists(listing))) == 0) {
			// The snapshot of a removal that died, now expired: forget it.
			this.runner.await(this.runner.send((commands) -> commands.srem(registry, listing)));
		}
		return removed;
	}

	private long removeTagged(List<byte[]> entries, String tag, long now, TagSetNamer tagSets) {
		List<ScriptCall> calls = new ArrayList<>(entries.size());
		for (byte[] entry : entries) {
			calls.add(
					ScriptCall.of(LuaScript.REMOVE_ENTRY, entry, RedisArguments.number(now), RedisArguments.text(tag)));
		}
		List<List<Object>> results = this.runner.runAll(calls);
		long removed = 0;
		List<TagLink> otherTags = new ArrayList<>();
		for (int i = 0; i < entries.size(); i++) {
			List<Object> result = results.get(i);
			if (result.isEmpty()) {
				continue;
			}
			removed += (Long) result.get(0);
			for (String other : RedisArguments.texts(result, 1)) {
				if (!other.equals(tag)) {
					otherTags.add(new TagLink(tagSets.tagSet(other), other, entries.get(i)));
				}
			}
		}
		unlink(otherTags, now);
		return removed;
	}

	/**
	 * Names the tag set of a tag within the cache being worked on.
	 */
	@FunctionalInterface
	interface TagSetNamer {

		byte[] tagSet(String tag);

	}

}
