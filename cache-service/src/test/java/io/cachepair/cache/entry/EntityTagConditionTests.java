package io.cachepair.cache.entry;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.cachepair.cache.web.InvalidRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Property tests of the {@code If-Match} and {@code If-None-Match} parser over seeded
 * random header values: written lists parse back to their tags, every other value either
 * parses or is rejected with a 400, and matching follows the strong and weak comparison
 * rules.
 */
class EntityTagConditionTests {

	private static final long SEED = 20261204L;

	private static final String ALPHABET = "\"\"\"\"W/,, \t*ab#!~\u00e9\\'";

	@ParameterizedTest
	@MethodSource("randomHeaders")
	void anyValueParsesOrIsRejectedAsInvalidRequest(String header) {
		Throwable thrown = catchThrowable(() -> EntityTagCondition.parse("If-Match", header));

		if (thrown == null) {
			EntityTagCondition condition = EntityTagCondition.parse("If-Match", header);
			assertThat(condition).isNotNull();
			assertThat(condition.any() || !condition.tags().isEmpty()).as("a tag or *").isTrue();
		}
		else {
			assertThat(thrown).isInstanceOf(InvalidRequestException.class).hasMessageContaining("If-Match");
		}
	}

	@ParameterizedTest
	@MethodSource("randomTagLists")
	void writtenTagsParseBack(List<EntityTagCondition.Listed> tags, String header) {
		EntityTagCondition condition = EntityTagCondition.parse("If-None-Match", header);

		assertThat(condition).isNotNull();
		assertThat(condition.any()).isFalse();
		assertThat(condition.tags()).isEqualTo(tags);
	}

	@ParameterizedTest
	@MethodSource("randomConditions")
	void matchingFollowsStrongAndWeakComparison(List<EntityTagCondition.Listed> tags, String header,
			EntityTag current) {
		EntityTagCondition condition = EntityTagCondition.parse("If-Match", header);
		boolean listed = tags.stream().anyMatch((tag) -> tag.opaque().equals(current.opaque()));
		boolean listedStrong = tags.stream().anyMatch((tag) -> !tag.weak() && tag.opaque().equals(current.opaque()));

		assertThat(condition.matchesWeakly(current)).as("weak comparison").isEqualTo(listed);
		assertThat(condition.matchesStrongly(current)).as("strong comparison").isEqualTo(listedStrong);
		assertThat(condition.matchesWeakly(null)).as("no current entry").isFalse();
		assertThat(condition.matchesStrongly(null)).as("no current entry").isFalse();
	}

	@Test
	void wildcardMatchesAnyEntryButNoAbsentOne() {
		EntityTagCondition any = EntityTagCondition.parse("If-Match", " * ");
		EntityTag current = EntityTag.of(new byte[] { 1 });

		assertThat(any.any()).isTrue();
		assertThat(any.matchesStrongly(current)).isTrue();
		assertThat(any.matchesWeakly(current)).isTrue();
		assertThat(any.matchesStrongly(null)).isFalse();
	}

	@Test
	void absentHeaderIsNoCondition() {
		assertThat(EntityTagCondition.parse("If-Match", null)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", ",", "*, \"a\"", "\"a\" \"b\"", "\"a", "a", "W/", "W/a", "\"a\",", ",\"a\"" })
	void malformedValueIsRejected(String header) {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> EntityTagCondition.parse("If-None-Match", header))
			.withMessageContaining("Invalid If-None-Match header");
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

	static Stream<Arguments> randomTagLists() {
		Random random = new Random(SEED + 1);
		return IntStream.range(0, 1000).mapToObj((index) -> {
			List<EntityTagCondition.Listed> tags = randomTags(random);
			return Arguments.of(tags, write(tags, random));
		});
	}

	/**
	 * Returns lists that contain real entity tags of a few values, so that the current
	 * entry's tag is sometimes listed, strong or weak, and sometimes not.
	 */
	static Stream<Arguments> randomConditions() {
		Random random = new Random(SEED + 2);
		return IntStream.range(0, 1000).mapToObj((index) -> {
			List<EntityTagCondition.Listed> tags = new ArrayList<>();
			int count = 1 + random.nextInt(3);
			for (int i = 0; i < count; i++) {
				tags.add(new EntityTagCondition.Listed(valueTag(random.nextInt(4)).opaque(), random.nextBoolean()));
			}
			return Arguments.of(tags, write(tags, random), valueTag(random.nextInt(4)));
		});
	}

	private static EntityTag valueTag(int value) {
		return EntityTag.of(("value " + value).getBytes(StandardCharsets.UTF_8));
	}

	private static List<EntityTagCondition.Listed> randomTags(Random random) {
		List<EntityTagCondition.Listed> tags = new ArrayList<>();
		int count = 1 + random.nextInt(4);
		for (int i = 0; i < count; i++) {
			StringBuilder opaque = new StringBuilder();
			int length = random.nextInt(10);
			for (int j = 0; j < length; j++) {
				opaque.append((char) (0x21 + random.nextInt(0x5E)));
			}
			tags.add(new EntityTagCondition.Listed(opaque.toString().replace("\"", ""), random.nextBoolean()));
		}
		return tags;
	}

	/**
	 * Writes tags as a header value, separated by a comma with optional spaces and tabs
	 * around it.
	 */
	private static String write(List<EntityTagCondition.Listed> tags, Random random) {
		StringBuilder header = new StringBuilder(" ".repeat(random.nextInt(2)));
		for (int i = 0; i < tags.size(); i++) {
			if (i > 0) {
				header.append(" \t".substring(0, random.nextInt(3))).append(',').append(" ".repeat(random.nextInt(3)));
			}
			header.append(tags.get(i).weak() ? "W/" : "").append('"').append(tags.get(i).opaque()).append('"');
		}
		return header.append("\t".repeat(random.nextInt(2))).toString();
	}

}
