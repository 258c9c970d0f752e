package io.cachepair.api.endtoend;

import java.net.URI;
import java.net.http.HttpResponse;

import io.cachepair.api.testing.CacheServiceProcess;
import io.cachepair.api.testing.HttpTestClient;
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
 * The api-service keeps serving, and stays ready, after the cache-service stops, and its
 * circuit breaker then skips the cache-service.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class CacheServiceStoppedIT {

	private static CacheServiceProcess cacheService;

	@LocalServerPort
	private int port;

	@BeforeAll
	static void startCacheService() {
		cacheService = CacheServiceProcess.start();
	}

	@DynamicPropertySource
	static void cacheServiceProperties(DynamicPropertyRegistry registry) {
		registry.add("cachepair.cache-client.base-url", () -> cacheService.baseUrl().toString());
	}

	@AfterAll
	static void stopCacheService() {
		cacheService.stop();
	}

	@Test
	void stoppedCacheServiceGivesBypass(CapturedOutput output) {
		try (HttpTestClient api = new HttpTestClient(URI.create("http://127.0.0.1:" + this.port))) {
			HttpResponse<byte[]> miss = api.get("/api/v1/products/1");
			HttpResponse<byte[]> hit = api.get("/api/v1/products/1");

			cacheService.stop();
			HttpResponse<byte[]> bypass = api.get("/api/v1/products/1");
			HttpResponse<byte[]> page = api.get("/api/v1/products?size=5");
			HttpResponse<byte[]> readiness = api.get("/actuator/health/readiness");
			HttpResponse<byte[]> replaced = api.put("/api/v1/products/1", text(bypass));
			HttpResponse<byte[]> health = api.get("/actuator/health/cache-service");

			assertThat(miss.headers().firstValue("X-Cache")).contains("MISS");
			assertThat(hit.headers().firstValue("X-Cache")).contains("HIT");
			assertThat(bypass.statusCode()).isEqualTo(200);
			assertThat(bypass.headers().firstValue("X-Cache")).contains("BYPASS");
			assertThat(bypass.body()).isEqualTo(hit.body());
			assertThat(bypass.headers().firstValue("ETag")).isEqualTo(hit.headers().firstValue("ETag"));
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.headers().firstValue("X-Cache")).contains("BYPASS");
			assertThat(readiness.statusCode()).isEqualTo(200);
			assertThat(replaced.statusCode()).isEqualTo(200);
			assertThat(output).contains("Applying tombstone for key '1' in cache 'products' failed (attempt 1 of 6)");
			assertThat(health.statusCode()).isEqualTo(200);
			assertThat(text(health)).contains("\"status\":\"DEGRADED\"").contains("\"circuitBreaker\":\"OPEN\"");
		}
	}

}
