package io.cachepair.cache.store;

import java.util.Set;

import io.cachepair.cache.entry.EntityTag;

/**
 * An entry as the memory store keeps it; times are readings of the store's ticker, in
 * nanoseconds.
 *
 * @param value the value bytes
 * @param contentType the media type
 * @param etag the tag of the value
 * @param tags the tags the entry was written with
 * @param writtenAt when it was written
 * @param expiresAt when its time to live ends
 * @param idleNanos its idle timeout, or zero for none
 */
record StoredEntry(byte[] value, String contentType, EntityTag etag, Set<String> tags, long writtenAt, long expiresAt,
		long idleNanos) {

	/**
	 * Returns the time left, counting from a read at {@code now} that refreshed the idle
	 * timeout.
	 * @param now the ticker reading of the read
	 * @return the nanoseconds until the entry expires
	 */
	long nanosLeftAfterRead(long now) {
		long ttlLeft = this.expiresAt - now;
		return (this.idleNanos > 0) ? Math.min(ttlLeft, this.idleNanos) : ttlLeft;
	}

}
