package io.cachepair.api.catalog;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;

import io.cachepair.api.testing.FakeCacheServer;
import io.cachepair.api.testing.HttpTestClient;
import io.cachepair.api.testing.RecordedRequest;
import io.cachepair.api.testing.Waiting;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.cachepair.api.testing.HttpTestClient.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole api-service on a random port, reading through a fake cache-service.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CatalogReadThroughTests {

	private static final FakeCacheServer cacheServer = startCacheServer();

	private static final String NEW_PRODUCT = """
			{"sku":"NEW-1","name":"Lumen Air Kettle 2","price":24.90,"currency":"EUR","category":"kitchen",
			"tags":["compact"],"stock":5}
			""";

	@LocalServerPort
	private int port;

	private HttpTestClient http;

	@DynamicPropertySource
	static void cacheServiceProperties(DynamicPropertyRegistry registry) {
		registry.add("cachepair.cache-client.base-url", () -> cacheServer.baseUrl().toString());
		registry.add("cachepair.catalog.sample.size", () -> "200");
		// Failures on purpose must neither open the circuit for later tests nor
		// leave retries pending for long.
		registry.add("cachepair.cache-client.circuit-breaker.failure-threshold", () -> "1000");
		registry.add("cachepair.cache-client.retry.initial-delay", () -> "20ms");
	}

	@BeforeEach
	void createClient() {
		this.http = new HttpTestClient(URI.create("http://127.0.0.1:" + this.port));
		cacheServer.clearRequests();
		cacheServer.clearFailures();
	}

	@AfterEach
	void closeClient() {
		this.http.close();
	}

	@AfterAll
	static void stopCacheServer() {
		cacheServer.close();
	}

	@Test
	void missThenHitSendIdenticalBytes() {
		HttpResponse<byte[]> miss = this.http.get("/api/v1/products/2");
		HttpResponse<byte[]> hit = this.http.get("/api/v1/products/2");

		assertThat(miss.statusCode()).isEqualTo(200);
		assertThat(miss.headers().firstValue("X-Cache")).contains("MISS");
		assertThat(hit.headers().firstValue("X-Cache")).contains("HIT");
		assertThat(hit.body()).isEqualTo(miss.body());
		assertThat(hit.headers().firstValue("ETag")).isEqualTo(miss.headers().firstValue("ETag"));
	}

	@Test
	void productIsStoredUnderIdWithItsTag() {
		HttpResponse<byte[]> response = this.http.get("/api/v1/products/3");

		FakeCacheServer.StoredEntry stored = cacheServer.entry("products", "3");
		assertThat(stored).isNotNull();
		assertThat(stored.value()).isEqualTo(response.body());
		assertThat(stored.contentType()).isEqualTo("application/json");
		assertThat(stored.tags()).containsExactly("product:3");
	}

	@Test
	void pageStoredWithAllItsTags() {
		HttpResponse<byte[]> response = this.http.get("/api/v1/products?page=0&size=3");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(text(response)).contains("\"totalItems\":");
		FakeCacheServer.StoredEntry stored = cacheServer.entry("product-pages", "page=0&size=3");
		assertThat(stored).isNotNull();
		assertThat(stored.tags()).containsExactlyInAnyOrder("product-pages", "product:1", "product:2", "product:3");
	}

	@Test
	void replaceRemovesTagsSoNextReadSeesWrite() {
		this.http.get("/api/v1/products/4");
		this.http.get("/api/v1/products?page=0&size=5");
		String body = text(this.http.get("/api/v1/products/4"));
		String changed = body.replaceFirst("\"name\":\"[^\"]*\"", "\"name\":\"Renamed product\"");

		HttpResponse<byte[]> replaced = this.http.put("/api/v1/products/4", changed);
		HttpResponse<byte[]> read = this.http.get("/api/v1/products/4");
		HttpResponse<byte[]> page = this.http.get("/api/v1/products?page=0&size=5");

		assertThat(replaced.statusCode()).isEqualTo(200);
		assertThat(read.headers().firstValue("X-Cache")).contains("MISS");
		assertThat(text(read)).contains("\"name\":\"Renamed product\"");
		assertThat(read.body()).isEqualTo(replaced.body());
		assertThat(read.headers().firstValue("ETag")).isEqualTo(replaced.headers().firstValue("ETag"));
		assertThat(page.headers().firstValue("X-Cache")).contains("MISS");
		assertThat(text(page)).contains("Renamed product");
	}

	@Test
	void pageOverTagLimitCarriesListTagOnly() {
		this.http.get("/api/v1/products?page=0&size=16");

		FakeCacheServer.StoredEntry stored = cacheServer.entry("product-pages", "page=0&size=16");
		assertThat(stored).isNotNull();
		assertThat(stored.tags()).containsExactly("product-pages");
	}

	@Test
	void sameCategoryReplaceRemovesEveryPage() {
		String body = text(this.http.get("/api/v1/products/5"));
		cacheServer.clearRequests();

		this.http.put("/api/v1/products/5", body.replace("\"stock\":", "\"stock\":1"));

		assertThat(removedTags()).containsExactlyInAnyOrder("products/product:5", "product-pages/product-pages");
	}

	@Test
	void replaceIntoOtherCategoryRemovesEveryPage() {
		String body = text(this.http.get("/api/v1/products/6"));
		cacheServer.clearRequests();

		this.http.put("/api/v1/products/6", body.replaceFirst("\"category\":\"[^\"]*\"", "\"category\":\"moved\""));

		assertThat(removedTags()).containsExactlyInAnyOrder("products/product:6", "product-pages/product-pages");
	}

	@Test
	void createRemovesEveryPageAndIsReadable() {
		this.http.get("/api/v1/products?page=0&size=1");

		HttpResponse<byte[]> created = this.http.post("/api/v1/products", NEW_PRODUCT);
		String location = created.headers().firstValue("Location").orElseThrow();
		HttpResponse<byte[]> read = this.http.get(URI.create(location).getPath());

		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(removedTags()).containsExactly("product-pages/product-pages");
		assertThat(cacheServer.entry("product-pages", "page=0&size=1")).isNull();
		assertThat(read.body()).isEqualTo(created.body());
		assertThat(text(read)).contains("\"price\":24.90");
	}

	@Test
	void deleteRemovesProductAndEveryPage() {
		this.http.get("/api/v1/products/7");

		HttpResponse<byte[]> deleted = this.http.delete("/api/v1/products/7");
		HttpResponse<byte[]> read = this.http.get("/api/v1/products/7");

		assertThat(deleted.statusCode()).isEqualTo(204);
		assertThat(removedTags()).containsExactlyInAnyOrder("products/product:7", "product-pages/product-pages");
		assertThat(read.statusCode()).isEqualTo(404);
		assertThat(read.headers().firstValue("Content-Type")).contains("application/problem+json");
	}

	@Test
	void staleIfMatchIsRejected() {
		HttpResponse<byte[]> current = this.http.get("/api/v1/products/8");
		String etag = current.headers().firstValue("ETag").orElseThrow();
		String body = text(current);

		HttpResponse<byte[]> first = this.http.put("/api/v1/products/8", body.replace("\"stock\":", "\"stock\":2"),
				"If-Match", etag);
		HttpResponse<byte[]> stale = this.http.put("/api/v1/products/8", body.replace("\"stock\":", "\"stock\":3"),
				"If-Match", etag);

		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(stale.statusCode()).isEqualTo(412);
		assertThat(text(this.http.get("/api/v1/products/8"))).isEqualTo(text(first));
	}

	@Test
	void duplicateSkuIsConflict() {
		String sku = text(this.http.get("/api/v1/products/9")).replaceFirst(".*\"sku\":\"([^\"]*)\".*", "$1");

		HttpResponse<byte[]> duplicate = this.http.post("/api/v1/products", NEW_PRODUCT.replace("NEW-1", sku));

		assertThat(duplicate.statusCode()).isEqualTo(409);
	}

	@Test
	void failingCacheServiceGivesBypassAndWriteSucceeds() {
		cacheServer.failNext(1, 503);
		HttpResponse<byte[]> read = this.http.get("/api/v1/products/10");
		String body = text(read);
		cacheServer.failNext(2, 503);

		HttpResponse<byte[]> replaced = this.http.put("/api/v1/products/10", body.replace("\"stock\":", "\"stock\":4"));

		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(read.headers().firstValue("X-Cache")).contains("BYPASS");
		assertThat(replaced.statusCode()).isEqualTo(200);
		Waiting.awaitTrue(() -> removedTags().size() == 4, "both failed tag removals to be retried");
		assertThat(removedTags()).containsExactlyInAnyOrder("products/product:10", "products/product:10",
				"product-pages/product-pages", "product-pages/product-pages");
	}

	@Test
	void readinessIsUpWhileCacheServiceFails() {
		cacheServer.failNext(1, 503);
		HttpResponse<byte[]> read = this.http.get("/api/v1/products/11");

		HttpResponse<byte[]> readiness = this.http.get("/actuator/health/readiness");
		HttpResponse<byte[]> liveness = this.http.get("/actuator/health/liveness");

		assertThat(read.headers().firstValue("X-Cache")).contains("BYPASS");
		assertThat(readiness.statusCode()).isEqualTo(200);
		assertThat(text(readiness)).contains("\"status\":\"UP\"");
		assertThat(liveness.statusCode()).isEqualTo(200);
	}

	private static List<String> removedTags() {
		return cacheServer.requests("DELETE")
			.stream()
			.map(RecordedRequest::pathSegments)
			.filter((segments) -> segments.get(3).equals("tags"))
			.map((segments) -> segments.get(2) + "/" + segments.get(4))
			.toList();
	}

	private static FakeCacheServer startCacheServer() {
		try {
			return FakeCacheServer.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Fake cache-service failed to start", ex);
		}
	}

}
