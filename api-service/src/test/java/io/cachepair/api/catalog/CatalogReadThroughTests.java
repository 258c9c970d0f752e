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
import org.junit.jupiter.api.BeforeAll;
import org.assertj.core.api.InstanceOfAssertFactories;
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

	private static FakeCacheServer cacheServer;

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
		registry.add("cachepair.cache-client.circuit-breaker.minimum-number-of-calls", () -> "1000");
		registry.add("cachepair.cache-client.circuit-breaker.sliding-window-size", () -> "1000");
		registry.add("cachepair.cache-client.retry.initial-delay", () -> "20ms");
	}

	@BeforeAll
	static void startCacheServer() throws IOException {
		cacheServer = FakeCacheServer.start();
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
		List<FakeCacheServer.StoredEntry> stored = cacheServer.entriesEndingWith("product-pages",
				":page=0&size=3&sort=id,asc");
		assertThat(stored).singleElement()
			.extracting(FakeCacheServer.StoredEntry::tags)
			.asInstanceOf(InstanceOfAssertFactories.collection(String.class))
			.containsExactlyInAnyOrder("product-pages", "product:1", "product:2", "product:3");
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
	void fullPageCarriesEveryProductTag() {
		this.http.get("/api/v1/products?page=0&size=100&sort=price,desc");

		List<FakeCacheServer.StoredEntry> stored = cacheServer.entriesEndingWith("product-pages",
				":page=0&size=100&sort=price,desc");
		assertThat(stored).singleElement()
			.extracting(FakeCacheServer.StoredEntry::tags)
			.asInstanceOf(InstanceOfAssertFactories.collection(String.class))
			.hasSize(101)
			.contains("product-pages");
	}

	@Test
	void replaceLeavesTombstoneAndNewPageGeneration() {
		String body = text(this.http.get("/api/v1/products/5"));
		this.http.get("/api/v1/products?size=5");
		FakeCacheServer.StoredEntry generation = cacheServer.entry("product-pages", "generation");
		cacheServer.clearRequests();

		this.http.put("/api/v1/products/5", body.replace("\"stock\":", "\"stock\":1"));

		assertThat(invalidations()).containsExactly("PUT products/5", "PUT product-pages/generation",
				"DELETE product-pages/product-pages");
		FakeCacheServer.StoredEntry tombstone = cacheServer.entry("products", "5");
		assertThat(tombstone).isNotNull();
		assertThat(tombstone.contentType()).isEqualTo("application/vnd.cachepair.tombstone");
		assertThat(generation).isNotNull();
		assertThat(cacheServer.entry("product-pages", "generation")).isNotEqualTo(generation);
	}

	@Test
	void createRemovesEveryPageAndIsReadable() {
		this.http.get("/api/v1/products?page=0&size=1");

		cacheServer.clearRequests();
		HttpResponse<byte[]> created = this.http.post("/api/v1/products", NEW_PRODUCT);
		String location = created.headers().firstValue("Location").orElseThrow();
		HttpResponse<byte[]> read = this.http.get(URI.create(location).getPath());

		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(invalidations()).containsExactly("PUT product-pages/generation",
				"DELETE product-pages/product-pages");
		assertThat(cacheServer.entriesEndingWith("product-pages", ":page=0&size=1&sort=id,asc")).isEmpty();
		assertThat(read.body()).isEqualTo(created.body());
		assertThat(text(read)).contains("\"price\":24.90");
	}

	@Test
	void deleteRemovesProductAndEveryPage() {
		this.http.get("/api/v1/products/7");
		cacheServer.clearRequests();

		HttpResponse<byte[]> deleted = this.http.delete("/api/v1/products/7");
		HttpResponse<byte[]> read = this.http.get("/api/v1/products/7");

		assertThat(deleted.statusCode()).isEqualTo(204);
		assertThat(invalidations()).startsWith("PUT products/7", "PUT product-pages/generation",
				"DELETE product-pages/product-pages");
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
		cacheServer.clearRequests();
		cacheServer.failNext(3, 503);

		HttpResponse<byte[]> replaced = this.http.put("/api/v1/products/10", body.replace("\"stock\":", "\"stock\":4"));

		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(read.headers().firstValue("X-Cache")).contains("BYPASS");
		assertThat(replaced.statusCode()).isEqualTo(200);
		Waiting.awaitTrue(() -> invalidations().size() == 6, "the three failed invalidations to be retried");
		assertThat(invalidations()).containsExactlyInAnyOrder("PUT products/10", "PUT products/10",
				"PUT product-pages/generation", "PUT product-pages/generation", "DELETE product-pages/product-pages",
				"DELETE product-pages/product-pages");
		assertThat(cacheServer.entry("products", "10")).isNotNull()
			.extracting(FakeCacheServer.StoredEntry::contentType)
			.isEqualTo("application/vnd.cachepair.tombstone");
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
		assertThat(text(readiness)).doesNotContain("cacheService");
	}

	@Test
	void healthShowsCircuitBreakerStateInItsGroup() {
		HttpResponse<byte[]> group = this.http.get("/actuator/health/cache-service");

		assertThat(group.statusCode()).isEqualTo(200);
		assertThat(text(group)).contains("\"cacheService\":{").contains("\"circuitBreaker\":\"CLOSED\"");
	}

	@Test
	void healthShowsComponentStatusesWithoutDetails() {
		HttpResponse<byte[]> health = this.http.get("/actuator/health");

		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(text(health)).contains("\"cacheService\":{\"status\":\"UP\"}")
			.contains("\"db\":{\"status\":\"UP\"}")
			.doesNotContain("details")
			.doesNotContain("H2")
			.doesNotContain("path");
	}

	@Test
	void openApiDocumentDescribesEveryCall() {
		HttpResponse<byte[]> document = this.http.get("/v3/api-docs");
		HttpResponse<byte[]> swaggerUi = this.http.get("/swagger-ui/index.html");

		assertThat(document.statusCode()).isEqualTo(200);
		assertThat(text(document)).contains("\"/api/v1/products\":{\"get\":")
			.contains("\"/api/v1/products/{id}\":{\"get\":")
			.contains("\"put\":")
			.contains("\"delete\":")
			.contains("\"post\":")
			.contains("\"ProductResponse\":")
			.contains("\"ProductPageResponse\":");
		assertThat(swaggerUi.statusCode()).isEqualTo(200);
		assertThat(text(swaggerUi)).contains("Swagger UI");
	}

	@Test
	void circuitBreakerStateIsExportedToPrometheus() {
		HttpResponse<byte[]> metrics = this.http.get("/actuator/prometheus");

		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(text(metrics))
			.contains("resilience4j_circuitbreaker_state{name=\"cache-service\",state=\"closed\"} 1.0");
	}

	/**
	 * Returns the invalidating requests to the fake, in order, such as {@code PUT
	 * products/5} or {@code DELETE product-pages/product-pages} for a tag removal.
	 */
	private static List<String> invalidations() {
		return cacheServer.requests()
			.stream()
			.filter((request) -> !request.method().equals("GET"))
			.filter((request) -> request.ifNoneMatch() == null && request.ifMatch() == null)
			.map((request) -> request.method() + " " + request.pathSegments().get(2) + "/"
					+ request.pathSegments().get(4))
			.toList();
	}

}
