package io.cachepair.api.web;

import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property tests over seeded random text: text of well-formed, non-control code points is
 * accepted, and inserting one unpaired surrogate or one control character anywhere makes
 * it invalid.
 */
class WellFormedTextValidatorTests {

	private static final long SEED = 20261204L;

	@ParameterizedTest
	@MethodSource("wellFormedTexts")
	void wellFormedTextIsValid(String text) {
		assertThat(WellFormedTextValidator.isWellFormed(text, false)).isTrue();
		assertThat(WellFormedTextValidator.isWellFormed(text, true)).isTrue();
	}

	@ParameterizedTest
	@MethodSource("textsWithOneBadCharacter")
	void unpairedSurrogateOrControlIsInvalid(String text, char inserted) {
		assertThat(WellFormedTextValidator.isWellFormed(text, false)).as("U+%04X", (int) inserted).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "line one\nline two", "tab\there", "windows\r\nline", "\n" })
	void lineBreaksAndTabsAreValidOnlyWhenMultiline(String text) {
		assertThat(WellFormedTextValidator.isWellFormed(text, true)).isTrue();
		assertThat(WellFormedTextValidator.isWellFormed(text, false)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "\uD83D\uDE00", "a\uD800\uDC00b", "\u202Eright-to-left", "\u200B", "\uFEFF", "\uFFFD" })
	void pairedSurrogatesAndFormatCharactersAreValid(String text) {
		assertThat(WellFormedTextValidator.isWellFormed(text, false)).isTrue();
	}

	static Stream<String> wellFormedTexts() {
		Random random = new Random(SEED);
		return IntStream.range(0, 500).mapToObj((index) -> wellFormed(random, random.nextInt(40)));
	}

	static Stream<Arguments> textsWithOneBadCharacter() {
		Random random = new Random(SEED + 1);
		return IntStream.range(0, 500).mapToObj((index) -> {
			String text = wellFormed(random, random.nextInt(40));
			char bad = badCharacter(random);
			int position = insertionPoint(text, random);
			return Arguments.of(text.substring(0, position) + bad + text.substring(position), bad);
		});
	}

	private static String wellFormed(Random random, int length) {
		StringBuilder text = new StringBuilder();
		while (text.codePointCount(0, text.length()) < length) {
			int codePoint = switch (random.nextInt(3)) {
				case 0 -> 0x20 + random.nextInt(0x5F);
				case 1 -> 0xA0 + random.nextInt(0xD800 - 0xA0);
				default -> 0xE000 + random.nextInt(0x110000 - 0xE000);
			};
			text.appendCodePoint(codePoint);
		}
		return text.toString();
	}

	private static char badCharacter(Random random) {
		return switch (random.nextInt(4)) {
			case 0 -> (char) (0xD800 + random.nextInt(0x400));
			case 1 -> (char) (0xDC00 + random.nextInt(0x400));
			case 2 -> (char) random.nextInt(0x20);
			default -> (char) (0x7F + random.nextInt(0x21));
		};
	}

	/**
	 * Returns a position between two code points, so that the insertion never splits a
	 * surrogate pair of the text itself.
	 */
	private static int insertionPoint(String text, Random random) {
		int codePoints = text.codePointCount(0, text.length());
		return text.offsetByCodePoints(0, random.nextInt(codePoints + 1));
	}

}
