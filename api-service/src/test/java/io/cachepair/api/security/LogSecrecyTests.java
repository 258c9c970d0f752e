package io.cachepair.api.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;

import io.cachepair.api.testing.FakeCacheServer;
import io.cachepair.api.testing.HttpTestClient;
import io.cachepair.api.testing.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.cachepair.api.testing.HttpTestClient.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the api-service with its own and Spring's web, data access and Tomcat loggers at
 * DEBUG or finer, and checks that neither the logs nor the exposed actuator endpoints
 * reveal the cache-service token, the database password or product data.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "cachepair.cache-client.token=" + LogSecrecyTests.TOKEN,
				"spring.datasource.password=" + LogSecrecyTests.DATABASE_PASSWORD, "cachepair.catalog.sample.size=20",
				"logging.level.io.cachepair=TRACE", "logging.level.org.springframework.web=DEBUG",
				"logging.level.org.springframework.jdbc=DEBUG", "logging.level.org.springframework.data=DEBUG",
				"logging.level.com.zaxxer.hikari=DEBUG", "logging.level.org.apache.tomcat=DEBUG" })
@ExtendWith(OutputCaptureExtension.class)
class LogSecrecyTests {

	static final String TOKEN = "token-that-must-not-be-logged";

	static final String DATABASE_PASSWORD = "password-that-must-not-be-logged";

	private static final String SECRET_TEXT = "description-that-must-not-be-logged";

	private static FakeCacheServer cacheServer;

	@LocalServerPort
	private int port;

	@BeforeAll
	static void startCacheServer() throws IOException {
		cacheServer = FakeCacheServer.start();
	}

	@DynamicPropertySource
	static void cacheServiceProperties(DynamicPropertyRegistry registry) {
		registry.add("cachepair.cache-client.base-url", () -> cacheServer.baseUrl().toString());
	}

	@AfterAll
	static void stopCacheServer() {
		cacheServer.close();
	}

	@Test
	void logsNeverContainTokenPasswordOrProductData(CapturedOutput output) {
		try (HttpTestClient api = new HttpTestClient(URI.create("http://127.0.0.1:" + this.port))) {
			HttpResponse<byte[]> created = api.post("/api/v1/products", product("SECRET-1", SECRET_TEXT));
			String location = URI.create(created.headers().firstValue("Location").orElseThrow()).getPath();
			api.get(location);
			api.get(location);
			api.get("/api/v1/products?q=" + SECRET_TEXT);
			api.put(location, product("SECRET-1", SECRET_TEXT + " again"), "If-Match", "\"stale\"");
			api.post("/api/v1/products", product("bad sku!", SECRET_TEXT));
			api.post("/api/v1/products", "{\"description\": \"" + SECRET_TEXT + "\", \"oops\"");
			cacheServer.failNext(3, 503);
			api.get("/api/v1/products/3");
			api.put(location, product("SECRET-1", SECRET_TEXT + " once more"));

			assertThat(created.statusCode()).isEqualTo(201);
			assertThat(cacheServer.requests()).extracting(RecordedRequest::authorization)
				.containsOnly("Bearer " + TOKEN);
		}
		assertThat(output.getAll()).doesNotContain(TOKEN);
		assertThat(output.getAll()).doesNotContain(DATABASE_PASSWORD);
		assertThat(output.getAll()).doesNotContain(SECRET_TEXT);
	}

	@Test
	void actuatorExposesOnlyHealthInfoAndPrometheus() {
		try (HttpTestClient api = new HttpTestClient(URI.create("http://127.0.0.1:" + this.port))) {
			for (String endpoint : List.of("env", "beans", "heapdump", "configprops", "loggers", "threaddump",
					"mappings", "shutdown", "metrics", "conditions", "scheduledtasks", "flyway", "sbom")) {
				assertThat(api.get("/actuator/" + endpoint).statusCode()).as(endpoint).isEqualTo(404);
			}
			for (String endpoint : List.of("health", "health/cache-service", "health/readiness", "info",
					"prometheus")) {
				HttpResponse<byte[]> response = api.get("/actuator/" + endpoint);

				assertThat(response.statusCode()).as(endpoint).isEqualTo(200);
				assertThat(text(response)).as(endpoint).doesNotContain(TOKEN).doesNotContain(DATABASE_PASSWORD);
			}
		}
	}

	private static String product(String sku, String description) {
		return """
				{"sku":"%s","name":"Lumen Air Kettle 2","description":"%s","price":24.90,"currency":"EUR",
				"category":"kitchen","stock":5}
				""".formatted(sku, description);
	}

}
