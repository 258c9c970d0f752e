package io.cachepair.cache.entry;

import org.springframework.http.HttpStatus;

import io.cachepair.cache.web.ProblemException;

/**
 * An addition to a counter that cannot apply: the entry is not a decimal integer, or the
 * result would leave the signed 64-bit range. Nothing changed.
 */
public class CounterConflictException extends ProblemException {

	public CounterConflictException(String detail) {
		super(HttpStatus.CONFLICT, "Counter conflict", detail);
	}

	/**
	 * Creates the exception for an entry whose value is not a counter.
	 * @param key the key
	 * @return the exception
	 */
	public static CounterConflictException notACounter(String key) {
		return new CounterConflictException(
				"The entry for key '%s' is not a counter: its value is not a decimal 64-bit integer; nothing was changed."
					.formatted(ProblemException.abbreviate(key)));
	}

	/**
	 * Creates the exception for an addition that overflows.
	 * @param key the key
	 * @param current the current value
	 * @param delta the amount asked to add
	 * @return the exception
	 */
	public static CounterConflictException overflow(String key, long current, long delta) {
		return new CounterConflictException(
				"Adding %d to counter '%s' (now %d) would leave the signed 64-bit range; nothing was changed."
					.formatted(delta, ProblemException.abbreviate(key), current));
	}

}
