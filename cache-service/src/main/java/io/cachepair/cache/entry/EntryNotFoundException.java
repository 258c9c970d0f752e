package io.cachepair.cache.entry;

import org.springframework.http.HttpStatus;

import io.cachepair.cache.web.ProblemException;

/**
 * A read or removal of a key that has no live entry.
 */
public class EntryNotFoundException extends ProblemException {

	public EntryNotFoundException(String cacheName, String key) {
		super(HttpStatus.NOT_FOUND, "Entry not found",
				"Cache '%s' has no live entry for key '%s'.".formatted(cacheName, ProblemException.abbreviate(key)));
	}

}
