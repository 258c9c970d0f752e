package io.cachepair.cache.store;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The keys written with each tag in one cache of the memory store. The index may hold a
 * key whose entry has since lost the tag, so removal by tag checks each entry's own tags;
 * it never lacks a key whose live entry carries the tag.
 */
final class TagIndex {

	private final Map<String, Set<String>> keysByTag = new ConcurrentHashMap<>();

	void add(String key, Set<String> tags) {
		for (String tag : tags) {
			// Adding inside compute keeps a concurrent remove from dropping the set
			// between
			// its lookup and this add.
			this.keysByTag.compute(tag, (ignored, keys) -> {
				Set<String> present = (keys != null) ? keys : ConcurrentHashMap.newKeySet();
				present.add(key);
				return present;
			});
		}
	}

	void remove(String key, Set<String> tags) {
		for (String tag : tags) {
			remove(key, tag);
		}
	}

	void remove(String key, String tag) {
		this.keysByTag.computeIfPresent(tag, (ignored, keys) -> {
			keys.remove(key);
			return keys.isEmpty() ? null : keys;
		});
	}

	List<String> keysWith(String tag) {
		Set<String> keys = this.keysByTag.get(tag);
		return (keys != null) ? List.copyOf(keys) : List.of();
	}

}
