package io.cachepair.api.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property tests of the {@code If-Match} and {@code If-None-Match} parser over seeded
 * random header values: it agrees with a regular expression written from RFC 9110's
 * grammar on every value, lists of valid tags parse back to the tags they were written
 * from, and matching follows the strong and weak comparison rules.
 */
class EntityTagListTests {

	private static final long SEED = 20261204L;

	private static final String OWS = "[ \\t]*";

	private static final String TAG = "(?:W/)?\"[\\x21\\x23-\\x7E\\x80-\\xFF]*\"";

	/**
	 * RFC 9110's {@code "*" / #entity-tag}, where the list rule allows empty elements
	 * before, between and after the tags but needs at least one tag.
	 */
	private static final Pattern REFERENCE = Pattern.compile(OWS + "\\*" + OWS + "|" + OWS + "(?:," + OWS + ")*" + TAG
			+ "(?:" + OWS + ",(?:" + OWS + ",)*" + OWS + TAG + ")*(?:" + OWS + ",)*" + OWS);

	private static final String ALPHABET = "\"\"\"\"W/,, \t*ab#!~\u0080\u00FF\u0100\u0007\\'";

	@ParameterizedTest
	@MethodSource("randomHeaders")
	void parserAgreesWithGrammar(String header) {
		assertThat(EntityTagList.parse(header).isPresent()).as("%s", header)
			.isEqualTo(REFERENCE.matcher(header).matches());
	}

	@ParameterizedTest
	@MethodSource("randomTagLists")
	void writtenTagsParseBack(List<EntityTagList.Tag> tags, String header) {
		Optional<EntityTagList> parsed = EntityTagList.parse(header);

		assertThat(parsed).as(header).isPresent();
		assertThat(parsed.get().any()).isFalse();
		assertThat(parsed.get().tags()).isEqualTo(tags);
	}

	@ParameterizedTest
	@MethodSource("randomTagLists")
	void listedTagMatchesWeaklyAndStronglyOnlyWhenNotWeak(List<EntityTagList.Tag> tags, String header) {
		EntityTagList list = EntityTagList.parse(header).orElseThrow();

		for (EntityTagList.Tag tag : tags) {
			String current = "\"" + tag.opaque() + "\"";
			boolean strongCopyListed = tags.contains(new EntityTagList.Tag(tag.opaque(), false));
			assertThat(list.matches(current, false)).as("weak comparison of %s", current).isTrue();
			assertThat(list.matches(current, true)).as("strong comparison of %s", current).isEqualTo(strongCopyListed);
		}
		assertThat(list.matches("\"not-listed-" + header.length() + "\"", false)).isFalse();
	}

	@Test
	void wildcardMatchesAnyTag() {
		EntityTagList any = EntityTagList.parse(" * ").orElseThrow();

		assertThat(any.any()).isTrue();
		assertThat(any.matches("\"abc\"", true)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", ",", "*, \"a\"", "\"a\", *", "\"a\" \"b\"", "\"a", "a", "W/", "W/a", "w/\"a\"",
			"\"a\"b", "\"a\"\"b\"", "\"\u0100\"", "\"a b\"" })
	void malformedHeaderIsRejected(String header) {
		assertThat(EntityTagList.parse(header)).isEmpty();
	}

	static Stream<String> randomHeaders() {
		Random random = new Random(SEED);
		return IntStream.range(0, 3000).mapToObj((index) -> {
			StringBuilder header = new StringBuilder();
			int length = random.nextInt(12);
			for (int i = 0; i < length; i++) {
				header.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
			}
			return header.toString();
		});
	}

	static Stream<org.junit.jupiter.params.provider.Arguments> randomTagLists() {
		Random random = new Random(SEED + 1);
		return IntStream.range(0, 1000).mapToObj((index) -> {
			List<EntityTagList.Tag> tags = new ArrayList<>();
			StringBuilder header = new StringBuilder(separator(random, true));
			int count = 1 + random.nextInt(4);
			for (int i = 0; i < count; i++) {
				EntityTagList.Tag tag = new EntityTagList.Tag(opaque(random), random.nextBoolean());
				tags.add(tag);
				header.append(tag.weak() ? "W/" : "").append('"').append(tag.opaque()).append('"');
				header.append(separator(random, i + 1 < count));
			}
			return org.junit.jupiter.params.provider.Arguments.of(tags, header.toString());
		});
	}

	private static String opaque(Random random) {
		StringBuilder opaque = new StringBuilder();
		int length = random.nextInt(10);
		for (int i = 0; i < length; i++) {
			int c = switch (random.nextInt(3)) {
				case 0 -> 0x21;
				case 1 -> 0x23 + random.nextInt(0x7F - 0x23);
				default -> 0x80 + random.nextInt(0x80);
			};
			opaque.append((char) c);
		}
		return opaque.toString();
	}

	/**
	 * Returns white space and commas to put between or around tags: at least one comma
	 * when it separates two tags, and possibly none at either end.
	 */
	private static String separator(Random random, boolean between) {
		StringBuilder separator = new StringBuilder(" \t".repeat(random.nextInt(2)));
		int commas = (between ? 1 : 0) + random.nextInt(2);
		for (int i = 0; i < commas; i++) {
			separator.append(',').append(" ".repeat(random.nextInt(2)));
		}
		return separator.toString();
	}

}
