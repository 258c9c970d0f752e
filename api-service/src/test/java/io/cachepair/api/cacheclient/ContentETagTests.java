package io.cachepair.api.cacheclient;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContentETagTests {

	@Test
	void emptyValueMatchesKnownDigest() {
		// SHA-256 of no bytes starts e3b0c442 98fc1c14 9afbf4c8 996fb924.
		assertThat(ContentETag.of(new byte[0])).isEqualTo("\"47DEQpj8HBSa-_TImW-5JA\"");
	}

	@Test
	void tagIsQuotedWithTwentyTwoCharacters() {
		String tag = ContentETag.of("{\"id\":1}".getBytes(StandardCharsets.UTF_8));

		assertThat(tag).startsWith("\"").endsWith("\"");
		assertThat(tag).hasSize(24);
		assertThat(tag.substring(1, 23)).matches("[A-Za-z0-9_-]{22}");
	}

	@Test
	void sameBytesGiveSameTag() {
		byte[] first = "{\"price\":600.00}".getBytes(StandardCharsets.UTF_8);
		byte[] second = "{\"price\":600.00}".getBytes(StandardCharsets.UTF_8);

		assertThat(ContentETag.of(first)).isEqualTo(ContentETag.of(second));
	}

	@Test
	void differentBytesGiveDifferentTags() {
		byte[] first = "{\"price\":600.00}".getBytes(StandardCharsets.UTF_8);
		byte[] second = "{\"price\":600.0}".getBytes(StandardCharsets.UTF_8);

		assertThat(ContentETag.of(first)).isNotEqualTo(ContentETag.of(second));
	}

}
