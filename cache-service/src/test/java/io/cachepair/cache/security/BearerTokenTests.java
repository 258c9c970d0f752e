package io.cachepair.cache.security;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.cachepair.cache.contract.CacheHttpClient;

import static io.cachepair.cache.contract.CacheHttpClient.text;
import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "cache-service.token=  s3cret-token  ")
class BearerTokenTests {

	@LocalServerPort
	private int port;

	private CacheHttpClient client;

	@BeforeEach
	void createClient() {
		this.client = new CacheHttpClient(this.port);
	}

	@Test
	void callWithoutTokenIsUnauthorizedAndChangesNothing() {
		HttpResponse<byte[]> rejected = this.client.put("/v1/caches/secure/entries/k", "v");

		assertThat(rejected.statusCode()).isEqualTo(401);
		assertThat(rejected.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(rejected.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((value) -> value.startsWith("Bearer"));
		assertThat(text(rejected)).contains("Authorization: Bearer");
		HttpResponse<byte[]> read = this.client.get("/v1/caches/secure/entries/k", "Authorization",
				"Bearer s3cret-token");
		assertThat(read.statusCode()).isEqualTo(404);
	}

	@Test
	void callWithWrongTokenIsUnauthorized() {
		assertThat(this.client.get("/v1/caches", "Authorization", "Bearer wrong").statusCode()).isEqualTo(401);
		assertThat(this.client.get("/v1/caches", "Authorization", "Bearer s3cret-token-longer").statusCode())
			.isEqualTo(401);
		assertThat(this.client.get("/v1/caches", "Authorization", "Basic czNjcmV0LXRva2Vu").statusCode())
			.isEqualTo(401);
		assertThat(this.client.get("/v1/caches", "Authorization", "Bearer ").statusCode()).isEqualTo(401);
	}

	@Test
	void callWithTokenSucceeds() {
		HttpResponse<byte[]> written = this.client.put("/v1/caches/secure/entries/k", "v", "Authorization",
				"Bearer s3cret-token");
		HttpResponse<byte[]> read = this.client.get("/v1/caches/secure/entries/k", "authorization",
				"bearer s3cret-token");

		assertThat(written.statusCode()).isEqualTo(201);
		assertThat(text(read)).isEqualTo("v");
	}

	@Test
	void healthMetricsAndDocumentStayOpen() {
		assertThat(this.client.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
		assertThat(this.client.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
		assertThat(this.client.get("/actuator/prometheus").statusCode()).isEqualTo(200);
		assertThat(this.client.get("/openapi.yaml").statusCode()).isEqualTo(200);
	}

}
