package io.cachepair.cache.entry;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import io.cachepair.cache.RandomInputs;
import io.cachepair.cache.web.InvalidRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EntryKeysTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "a%2Fb|a/b", "100%25|100%", "a+b|a+b", "a%20b|a b", "..|..", "%2E%2E|..",
			"%D0%96%E6%97%A5|\u0416\u65e5", "a;b|a;b", "%5C|\\" })
	void decodeRoundTripsSpecialCharacters(String raw, String key) {
		assertThat(EntryKeys.decode(raw, 1024)).isEqualTo(key);
	}

	@Test
	void decodeAcceptsKeyAtByteLimit() {
		String key = "\u0416".repeat(512);
		assertThat(EntryKeys.decode(encode(key), 1024)).isEqualTo(key);
	}

	@Test
	void decodeRejectsKeyOverByteLimit() {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> EntryKeys.decode("a".repeat(1025), 1024))
			.withMessageContaining("1025 bytes")
			.withMessageContaining("limit of 1024");
	}

	@Test
	void decodeRejectsEmptyKey() {
		assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(() -> EntryKeys.decode("", 1024))
			.withMessageContaining("must not be empty");
	}

	@ParameterizedTest
	@CsvSource({ "%", "%2", "a%G1", "%%" })
	void decodeRejectsBrokenPercentEncoding(String raw) {
		assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(() -> EntryKeys.decode(raw, 1024))
			.withMessageContaining("two hexadecimal digits");
	}

	@ParameterizedTest
	@CsvSource({ "%FF", "%C3", "%ED%A0%80" })
	void decodeRejectsInvalidUtf8(String raw) {
		assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(() -> EntryKeys.decode(raw, 1024))
			.withMessageContaining("not valid UTF-8");
	}

	@ParameterizedTest
	@MethodSource("randomKeys")
	void percentEncodedKeysRoundTrip(String key) {
		assertThat(EntryKeys.decode(encode(key), 4096)).isEqualTo(key);
	}

	static java.util.stream.Stream<String> randomKeys() {
		return RandomInputs.unicodeStrings(1000, 200);
	}

	private static String encode(String key) {
		return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
