package io.cachepair.api.cacheclient;

/**
 * The outcome of a read through the cache-service.
 *
 * @param value the bytes to send
 * @param contentType the media type of the bytes
 * @param etag the quoted strong entity tag of the bytes
 * @param status which path served the read
 */
public record CacheRead(byte[] value, String contentType, String etag, CacheStatus status) {

	static CacheRead hit(CachedValue cached) {
		String etag = (cached.etag() != null) ? cached.etag() : ContentETag.of(cached.value());
		return new CacheRead(cached.value(), cached.contentType(), etag, CacheStatus.HIT);
	}

	static CacheRead loaded(CacheableValue loaded, CacheStatus status) {
		return new CacheRead(loaded.value(), loaded.contentType(), ContentETag.of(loaded.value()), status);
	}

}
