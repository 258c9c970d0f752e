package io.cachepair.cache.store;

import com.github.benmanes.caffeine.cache.Expiry;

/**
 * The per-entry expiry of the memory store: an entry lives until its time to live ends
 * or, when it has an idle timeout, until that long has passed since it was last written
 * or read, whichever comes first.
 */
final class EntryExpiry implements Expiry<String, StoredEntry> {

	@Override
	public long expireAfterCreate(String key, StoredEntry entry, long currentTime) {
		return entry.nanosLeftAfterRead(currentTime);
	}

	@Override
	public long expireAfterUpdate(String key, StoredEntry entry, long currentTime, long currentDuration) {
		return entry.nanosLeftAfterRead(currentTime);
	}

	@Override
	public long expireAfterRead(String key, StoredEntry entry, long currentTime, long currentDuration) {
		// Caffeine calls this only for a live entry, so an expired one is never revived.
		return (entry.idleNanos() > 0) ? entry.nanosLeftAfterRead(currentTime) : currentDuration;
	}

}
