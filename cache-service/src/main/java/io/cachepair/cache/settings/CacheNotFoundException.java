package io.cachepair.cache.settings;

import org.springframework.http.HttpStatus;

import io.cachepair.cache.web.ProblemException;

/**
 * A request for a cache that does not exist and may not be created by that request.
 */
public class CacheNotFoundException extends ProblemException {

	private CacheNotFoundException(String detail) {
		super(HttpStatus.NOT_FOUND, "Cache not found", detail);
	}

	/**
	 * Creates the exception for a cache that is not declared while only declared caches
	 * are accepted.
	 * @param cacheName the cache name
	 * @return the exception
	 */
	public static CacheNotFoundException notDeclared(String cacheName) {
		return new CacheNotFoundException(
				"Cache '%s' is not declared, and this service accepts only declared caches (cache-service.declared-caches-only)."
					.formatted(cacheName));
	}

	/**
	 * Creates the exception for a cache that has never been written to or created.
	 * @param cacheName the cache name
	 * @return the exception
	 */
	public static CacheNotFoundException unknown(String cacheName) {
		return new CacheNotFoundException(
				"Cache '%s' does not exist; it is created by its first write or by PUT /v1/caches/%s."
					.formatted(cacheName, cacheName));
	}

}
