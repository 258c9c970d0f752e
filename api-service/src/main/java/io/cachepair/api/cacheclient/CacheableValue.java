package io.cachepair.api.cacheclient;

import java.util.Set;

/**
 * A value to store in the cache-service.
 *
 * @param value the bytes to store
 * @param contentType the media type of the bytes
 * @param tags the tags to write the entry with
 */
public record CacheableValue(byte[] value, String contentType, Set<String> tags) {

}
