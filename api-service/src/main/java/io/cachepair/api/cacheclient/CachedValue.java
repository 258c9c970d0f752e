package io.cachepair.api.cacheclient;

import org.jspecify.annotations.Nullable;

/**
 * A value read from the cache-service, with the metadata that the cache-service stored
 * with it.
 *
 * @param value the stored bytes
 * @param contentType the {@code Content-Type} sent when the value was written
 * @param etag the strong {@code ETag} of the value, or {@code null} when the response had
 * none
 */
public record CachedValue(byte[] value, String contentType, @Nullable String etag) {

}
