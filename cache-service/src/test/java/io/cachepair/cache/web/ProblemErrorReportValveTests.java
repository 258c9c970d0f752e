package io.cachepair.cache.web;

import java.net.http.HttpResponse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.cachepair.cache.contract.CacheHttpClient;

import static io.cachepair.cache.contract.CacheHttpClient.text;
import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProblemErrorReportValveTests {

	@LocalServerPort
	private int port;

	@ParameterizedTest
	@ValueSource(strings = { "%FF", "%C3%28", "a%00b", "%E0%80%AF" })
	void pathTomcatRejectsGetsProblemJson(String rawKey) {
		HttpResponse<byte[]> response = new CacheHttpClient(this.port).get("/v1/caches/c/entries/" + rawKey);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(text(response)).contains("\"status\":400").contains("percent-encoded UTF-8");
	}

}
