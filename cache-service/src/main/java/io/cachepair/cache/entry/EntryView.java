package io.cachepair.cache.entry;

import java.time.Duration;

/**
 * A live entry as a read returns it.
 *
 * @param value the value bytes
 * @param contentType the media type it was written with
 * @param etag the tag of the value
 * @param age the time since it was written
 * @param timeLeft the time until it expires, counting from this read
 */
public record EntryView(byte[] value, String contentType, EntityTag etag, Duration age, Duration timeLeft) {
}
