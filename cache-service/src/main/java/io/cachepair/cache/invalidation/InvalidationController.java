package io.cachepair.cache.invalidation;

import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.cachepair.cache.entry.EntryRequestReader;
import io.cachepair.cache.entry.EntryStore;
import io.cachepair.cache.settings.CacheSettingsRegistry;
import io.cachepair.cache.web.InvalidRequestException;

/**
 * Removes many entries of a cache at once: by key prefix, by tag, or all of them.
 */
@RestController
public class InvalidationController {

	private final EntryStore store;

	private final CacheSettingsRegistry registry;

	private final EntryRequestReader reader;

	public InvalidationController(EntryStore store, CacheSettingsRegistry registry, EntryRequestReader reader) {
		this.store = store;
		this.registry = registry;
		this.reader = reader;
	}

	/**
	 * Removes every entry whose key starts with {@code prefix}, or every entry of the
	 * cache when there is no {@code prefix} parameter.
	 */
	@DeleteMapping("/v1/caches/{cache}/entries")
	public RemovedCount removeByPrefix(@PathVariable String cache,
			@RequestParam(required = false) @Nullable String prefix) {
		this.registry.checkAccessible(cache);
		if (prefix == null) {
			return new RemovedCount(this.store.flush(cache));
		}
		if (prefix.isEmpty()) {
			throw new InvalidRequestException(
					"Invalid prefix: it must not be empty; to remove every entry, send the DELETE without a prefix.");
		}
		return new RemovedCount(this.store.removeByPrefix(cache, prefix));
	}

	/**
	 * Removes every entry written with a tag.
	 */
	@DeleteMapping("/v1/caches/{cache}/tags/{tag}")
	public RemovedCount removeByTag(@PathVariable String cache, @PathVariable String tag) {
		this.registry.checkAccessible(cache);
		this.reader.checkTag(tag);
		return new RemovedCount(this.store.removeByTag(cache, tag));
	}

}
