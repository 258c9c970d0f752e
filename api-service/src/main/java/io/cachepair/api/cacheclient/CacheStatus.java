package io.cachepair.api.cacheclient;

/**
 * The path that served a read, sent in the {@code X-Cache} response header.
 */
public enum CacheStatus {

	/**
	 * The value came from the cache-service.
	 */
	HIT,

	/**
	 * The cache-service had no entry, so the value was loaded and then stored.
	 */
	MISS,

	/**
	 * The cache-service failed or was skipped, so the value was loaded and not stored.
	 */
	BYPASS

}
