package io.cachepair.cache.settings;

import org.springframework.http.HttpStatus;

import io.cachepair.cache.web.ProblemException;

/**
 * A request for a cache that does not exist and may not be created on demand.
 */
public class CacheNotFoundException extends ProblemException {

	public CacheNotFoundException(String cacheName) {
		super(HttpStatus.NOT_FOUND, "Cache not found",
				"Cache '%s' is not declared, and this service accepts only declared caches.".formatted(cacheName));
	}

}
