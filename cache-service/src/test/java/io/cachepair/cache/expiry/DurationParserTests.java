package io.cachepair.cache.expiry;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.cachepair.cache.RandomInputs;
import io.cachepair.cache.web.InvalidRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DurationParserTests {

	@ParameterizedTest
	@CsvSource({ "90, 90", "90s, 90", "5m, 300", "2h, 7200", "1d, 86400", "007s, 7" })
	void parseAcceptsSecondsAndUnits(String text, long seconds) {
		assertThat(DurationParser.parse("ttl", text)).isEqualTo(Duration.ofSeconds(seconds));
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "0s", "0d", "-1", "-5m" })
	void parseRejectsZeroAndNegativeAsNotPositive(String text) {
		assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(() -> DurationParser.parse("ttl", text))
			.withMessageContaining("Invalid ttl '" + text + "'")
			.withMessageContaining("greater than zero");
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "", " ", "1.5", "5 m", "5M", "5ms", "1w", "m", "1e3", "9999999999999", "5s5", "P1D", "\u0661" })
	void parseRejectsMalformedText(String text) {
		assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(() -> DurationParser.parse("idle", text))
			.withMessageContaining("Invalid idle")
			.withMessageContaining("is not a duration");
	}

	@Test
	void formatUsesLargestExactUnit() {
		assertThat(DurationParser.format(Duration.ofDays(30))).isEqualTo("30d");
		assertThat(DurationParser.format(Duration.ofMinutes(90))).isEqualTo("90m");
		assertThat(DurationParser.format(Duration.ofSeconds(61))).isEqualTo("61s");
	}

	@ParameterizedTest
	@MethodSource("positiveSeconds")
	void formatThenParseRoundTrips(long seconds) {
		Duration duration = Duration.ofSeconds(seconds);
		assertThat(DurationParser.parse("ttl", DurationParser.format(duration))).isEqualTo(duration);
	}

	static java.util.stream.Stream<Long> positiveSeconds() {
		return RandomInputs.longs(500, 1, 10_000_000_000L);
	}

	@ParameterizedTest
	@MethodSource("arbitraryText")
	void parseEitherReturnsPositiveDurationOrRejectsText(String text) {
		try {
			assertThat(DurationParser.parse("ttl", text)).isPositive();
		}
		catch (InvalidRequestException ex) {
			assertThat(ex.getMessage()).startsWith("Invalid ttl '" + text + "'");
		}
	}

	static java.util.stream.Stream<String> arbitraryText() {
		return java.util.stream.Stream.concat(RandomInputs.unicodeStrings(300, 8),
				RandomInputs.longs(200, -1000, 100_000).map((number) -> number + "smhdx".substring(0, 1)));
	}

}
