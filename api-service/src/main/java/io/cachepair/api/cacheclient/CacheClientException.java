package io.cachepair.api.cacheclient;

/**
 * Failure of a cache-service call: the service could not be reached, timed out, was
 * skipped by the circuit breaker or the bulkhead, or responded with an unexpected status.
 */
public class CacheClientException extends RuntimeException {

	CacheClientException(String message) {
		super(message);
	}

	CacheClientException(String message, Throwable cause) {
		super(message, cause);
	}

}
