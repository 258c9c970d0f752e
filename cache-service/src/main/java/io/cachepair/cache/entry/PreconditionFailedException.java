package io.cachepair.cache.entry;

import org.springframework.http.HttpStatus;

import io.cachepair.cache.web.ProblemException;

/**
 * A conditional write or removal whose condition did not hold; nothing changed.
 */
public class PreconditionFailedException extends ProblemException {

	public PreconditionFailedException(String cacheName, String key) {
		super(HttpStatus.PRECONDITION_FAILED, "Precondition failed",
				("The If-Match or If-None-Match condition does not hold for key '%s' in cache '%s'; "
						+ "nothing was changed. Read the entry again for its current ETag.")
					.formatted(ProblemException.abbreviate(key), cacheName));
	}

}
