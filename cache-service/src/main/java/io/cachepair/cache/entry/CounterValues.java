package io.cachepair.cache.entry;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * The value format of counters: the decimal text of a signed 64-bit integer, stored as
 * {@code text/plain}, so that a plain read of a counter returns its number.
 */
public final class CounterValues {

	/** The content type of every counter. */
	public static final String CONTENT_TYPE = "text/plain";

	private static final int MAX_DIGITS = 20;

	private CounterValues() {
	}

	/**
	 * Parses a stored value as a counter.
	 * @param value the stored bytes
	 * @return the number, or {@code null} when the bytes are not a decimal 64-bit integer
	 */
	public static @Nullable Long parse(byte[] value) {
		if (value.length == 0 || value.length > MAX_DIGITS) {
			return null;
		}
		String text = new String(value, StandardCharsets.US_ASCII);
		if (!text.matches("-?[0-9]+")) {
			return null;
		}
		try {
			return Long.parseLong(text);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/**
	 * Adds to a counter, failing on overflow.
	 * @param key the counter's key, for the error message
	 * @param current the current value
	 * @param delta the amount to add
	 * @return the sum
	 * @throws CounterConflictException if the sum leaves the signed 64-bit range
	 */
	public static long add(String key, long current, long delta) {
		try {
			return Math.addExact(current, delta);
		}
		catch (ArithmeticException ex) {
			throw CounterConflictException.overflow(key, current, delta);
		}
	}

	/**
	 * Formats a counter value for storage.
	 * @param value the number
	 * @return its decimal ASCII bytes
	 */
	public static byte[] format(long value) {
		return Long.toString(value).getBytes(StandardCharsets.US_ASCII);
	}

}
