package io.cachepair.cache;

import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Seeded random inputs for property tests: each run checks the same cases, so a failure
 * reproduces, and the cases still reach far beyond hand-picked examples.
 */
public final class RandomInputs {

	private static final long SEED = 20261204L;

	private RandomInputs() {
	}

	/**
	 * Returns strings of random Unicode scalar values (every code point except
	 * surrogates), weighted toward characters that need percent-encoding.
	 * @param count how many strings
	 * @param maxLength the longest string, in code points
	 * @return the strings
	 */
	public static Stream<String> unicodeStrings(int count, int maxLength) {
		Random random = new Random(SEED);
		return IntStream.range(0, count).mapToObj((index) -> unicodeString(random, 1 + random.nextInt(maxLength)));
	}

	private static String unicodeString(Random random, int length) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < length; i++) {
			text.appendCodePoint(codePoint(random));
		}
		return text.toString();
	}

	private static int codePoint(Random random) {
		return switch (random.nextInt(4)) {
			case 0 -> " /%+?#;&=.\\\"'<>".codePointAt(random.nextInt(15));
			case 1 -> random.nextInt(0x80);
			case 2 -> random.nextInt(0xD800);
			default -> 0xE000 + random.nextInt(0x110000 - 0xE000);
		};
	}

	/**
	 * Returns random longs in a range.
	 * @param count how many
	 * @param min the smallest value
	 * @param max the largest value
	 * @return the values
	 */
	public static Stream<Long> longs(int count, long min, long max) {
		return new Random(SEED).longs(count, min, max + 1).boxed();
	}

}
