package io.cachepair.cache.entry;

import java.time.Duration;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * An entry about to be written, with its expiry resolved against the cache's settings.
 *
 * @param value the value bytes, possibly empty
 * @param contentType the media type to return on reads
 * @param etag the tag of the value
 * @param ttl the time to live
 * @param idle the idle timeout, or {@code null} for none
 * @param tags the tags the entry carries
 */
public record NewEntry(byte[] value, String contentType, EntityTag etag, Duration ttl, @Nullable Duration idle,
		Set<String> tags) {

	/**
	 * Creates an entry, computing the tag of its value.
	 * @param value the value bytes
	 * @param contentType the media type
	 * @param ttl the time to live
	 * @param idle the idle timeout, or {@code null}
	 * @param tags the tags
	 * @return the entry
	 */
	public static NewEntry of(byte[] value, String contentType, Duration ttl, @Nullable Duration idle,
			Set<String> tags) {
		return new NewEntry(value, contentType, EntityTag.of(value), ttl, idle, tags);
	}

}
