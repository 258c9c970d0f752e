package io.cachepair.cache.web;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class QueryParametersTests {

	@Test
	void decodesFormEncodedUtf8() {
		QueryParameters parameters = QueryParameters.parse("prefix=a+b%2Fc%E2%82%AC&tag=x&tag=y");

		assertThat(parameters.first("prefix")).isEqualTo("a b/c\u20ac");
		assertThat(parameters.all("tag")).isEqualTo(List.of("x", "y"));
	}

	@Test
	void keepsRawNonAsciiCharacters() {
		QueryParameters parameters = QueryParameters.parse("tag=caf\u00e9+\uD83D\uDE00%21");

		assertThat(parameters.first("tag")).isEqualTo("caf\u00e9 \uD83D\uDE00!");
	}

	@ParameterizedTest
	@ValueSource(strings = { "prefix=%\u0664\u0661", "prefix=%zz", "prefix=%E2%82", "prefix=a%", "prefix=%2", "%zz",
			"ttl=%C0%AF" })
	void invalidEncodingIsRejected(String query) {
		assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(() -> QueryParameters.parse(query))
			.withMessageContaining("not valid percent-encoded UTF-8");
	}

	@Test
	void unknownNameIsRejectedWithTheAllowedNames() {
		QueryParameters parameters = QueryParameters.parse("prefx=a");

		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> parameters.requireOnly(Set.of("prefix"), "DELETE /v1/caches/c/entries"))
			.withMessage("Unknown query parameter 'prefx': DELETE /v1/caches/c/entries takes only prefix.");
	}

	@Test
	void repeatedSingleValueIsRejected() {
		QueryParameters parameters = QueryParameters.parse("ttl=5m&ttl=abc&tag=a&tag=b");

		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> parameters.requireSingle(Set.of("ttl")))
			.withMessageContaining("Repeated query parameter 'ttl'");
	}

	@Test
	void repeatedMultiValueIsAccepted() {
		QueryParameters parameters = QueryParameters.parse("ttl=5m&tag=a&tag=b");

		parameters.requireSingle(Set.of("ttl", "idle"));

		assertThat(parameters.all("tag")).hasSize(2);
	}

}
