package io.cachepair.api.endtoend;

import java.net.URI;
import java.net.http.HttpResponse;

import io.cachepair.api.testing.HttpTestClient;
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
 * Reads and writes through the real cache-service, with the full sample catalog.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ReadThroughIT {

	private static final CacheServiceProcess cacheService = CacheServiceProcess.start();

	@LocalServerPort
	private int port;

	private HttpTestClient api;

	private HttpTestClient cache;

	@DynamicPropertySource
	static void cacheServiceProperties(DynamicPropertyRegistry registry) {
		registry.add("cachepair.cache-client.base-url", () -> cacheService.baseUrl().toString());
	}

	@BeforeEach
	void createClients() {
		this.api = new HttpTestClient(URI.create("http://127.0.0.1:" + this.port));
		this.cache = new HttpTestClient(cacheService.baseUrl());
	}

	@AfterEach
	void closeClients() {
		this.api.close();
		this.cache.close();
	}

	@AfterAll
	static void stopCacheService() {
		cacheService.stop();
	}

	@Test
	void missThenHitSendIdenticalBytes() {
		HttpResponse<byte[]> miss = this.api.get("/api/v1/products/1");
		HttpResponse<byte[]> hit = this.api.get("/api/v1/products/1");

		assertThat(miss.statusCode()).isEqualTo(200);
		assertThat(miss.headers().firstValue("X-Cache")).contains("MISS");
		assertThat(hit.statusCode()).isEqualTo(200);
		assertThat(hit.headers().firstValue("X-Cache")).contains("HIT");
		assertThat(hit.body()).isEqualTo(miss.body());
		assertThat(hit.headers().firstValue("ETag")).isPresent().isEqualTo(miss.headers().firstValue("ETag"));
		assertThat(hit.headers().firstValue("Content-Type")).contains("application/json");
	}

	@Test
	void cacheServiceStoresProductJsonUnderId() {
		HttpResponse<byte[]> product = this.api.get("/api/v1/products/11");

		HttpResponse<byte[]> entry = this.cache.get("/v1/caches/products/entries/11");

		assertThat(entry.statusCode()).isEqualTo(200);
		assertThat(entry.body()).isEqualTo(product.body());
		assertThat(entry.headers().firstValue("ETag")).isEqualTo(product.headers().firstValue("ETag"));
		assertThat(entry.headers().firstValue("Content-Type")).contains("application/json");
	}

	@Test
	void pageMissThenHitSendIdenticalBytes() {
		HttpResponse<byte[]> miss = this.api.get("/api/v1/products?page=3&size=20&category=laptops");
		HttpResponse<byte[]> hit = this.api.get("/api/v1/products?page=3&size=20&category=laptops");

		assertThat(miss.statusCode()).isEqualTo(200);
		assertThat(miss.headers().firstValue("X-Cache")).contains("MISS");
		assertThat(hit.headers().firstValue("X-Cache")).contains("HIT");
		assertThat(hit.body()).isEqualTo(miss.body());
		assertThat(text(hit)).contains("\"totalItems\":").contains("\"page\":3,\"size\":20");
	}

	@Test
	void ifNoneMatchOnHitGivesNotModified() {
		String etag = this.api.get("/api/v1/products/12").headers().firstValue("ETag").orElseThrow();

		HttpResponse<byte[]> notModified = this.api.get("/api/v1/products/12", "If-None-Match", etag);

		assertThat(notModified.statusCode()).isEqualTo(304);
		assertThat(notModified.headers().firstValue("X-Cache")).contains("HIT");
		assertThat(notModified.body()).isEmpty();
	}

	@Test
	void replaceThenReadSeesWrite() {
		HttpResponse<byte[]> before = this.api.get("/api/v1/products/13");
		this.api.get("/api/v1/products/13");
		String etag = before.headers().firstValue("ETag").orElseThrow();
		String renamed = text(before).replaceFirst("\"name\":\"[^\"]*\"", "\"name\":\"Renamed end to end\"");

		HttpResponse<byte[]> replaced = this.api.put("/api/v1/products/13", renamed, "If-Match", etag);
		HttpResponse<byte[]> after = this.api.get("/api/v1/products/13");

		assertThat(replaced.statusCode()).isEqualTo(200);
		assertThat(after.headers().firstValue("X-Cache")).contains("MISS");
		assertThat(text(after)).contains("\"name\":\"Renamed end to end\"");
		assertThat(after.body()).isEqualTo(replaced.body());
	}

	@Test
	void replaceThenPageReadSeesWrite() {
		this.api.get("/api/v1/products?page=0&size=20");
		String product = text(this.api.get("/api/v1/products/14"));
		String renamed = product.replaceFirst("\"name\":\"[^\"]*\"", "\"name\":\"Renamed on a page\"");

		this.api.put("/api/v1/products/14", renamed);
		HttpResponse<byte[]> page = this.api.get("/api/v1/products?page=0&size=20");

		assertThat(page.headers().firstValue("X-Cache")).contains("MISS");
		assertThat(text(page)).contains("Renamed on a page");
	}

	@Test
	void createAndDeleteChangePageTotals() {
		String category = "\"category\":\"end-to-end\"";
		HttpResponse<byte[]> empty = this.api.get("/api/v1/products?category=end-to-end");

		HttpResponse<byte[]> created = this.api.post("/api/v1/products", """
				{"sku":"E2E-1","name":"End-to-end kettle","price":600.00,"currency":"EUR",%s,"stock":1}
				""".formatted(category));
		HttpResponse<byte[]> listed = this.api.get("/api/v1/products?category=end-to-end");
		String path = URI.create(created.headers().firstValue("Location").orElseThrow()).getPath();
		HttpResponse<byte[]> deleted = this.api.delete(path);
		HttpResponse<byte[]> afterDelete = this.api.get("/api/v1/products?category=end-to-end");

		assertThat(text(empty)).contains("\"totalItems\":0");
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(text(created)).contains("\"price\":600.00");
		assertThat(text(listed)).contains("\"totalItems\":1").contains("E2E-1");
		assertThat(deleted.statusCode()).isEqualTo(204);
		assertThat(text(afterDelete)).contains("\"totalItems\":0");
		assertThat(this.api.get(path).statusCode()).isEqualTo(404);
	}

}
