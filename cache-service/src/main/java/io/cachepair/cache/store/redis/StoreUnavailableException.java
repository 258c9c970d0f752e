package io.cachepair.cache.store.redis;

import org.springframework.http.HttpStatus;

import io.cachepair.cache.web.ProblemException;

/**
 * A request that failed because Redis could not be reached or did not respond in time.
 * The service responds with 503 so that clients retry later.
 */
public class StoreUnavailableException extends ProblemException {

	StoreUnavailableException(String detail, Throwable cause) {
		super(HttpStatus.SERVICE_UNAVAILABLE, "Store unavailable", detail);
		initCause(cause);
	}

}
