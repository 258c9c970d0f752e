package io.cachepair.api.endtoend;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import io.cachepair.api.testing.CacheServiceProcess;
import io.cachepair.api.testing.HttpTestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

	private static CacheServiceProcess cacheService;

	@LocalServerPort
	private int port;

	private HttpTestClient api;

	private HttpTestClient cache;

	@BeforeAll
	static void startCacheService() {
		cacheService = CacheServiceProcess.start();
	}

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

	@ParameterizedTest
	@CsvSource({ "size=0, size", "size=101, size", "page=-1, page" })
	void invalidPagingIsBadRequestNamingParameter(String query, String parameter) {
		HttpResponse<byte[]> response = this.api.get("/api/v1/products?" + query);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
		assertThat(text(response)).contains("\"parameter\":\"" + parameter + "\"")
			.contains("Invalid parameter '" + parameter + "'");
	}

	@Test
	void createWithThreeBadFieldsNamesAllThree() {
		HttpResponse<byte[]> response = this.api.post("/api/v1/products", """
				{"sku":"E2E-BAD","name":"","price":-5,"currency":"euro","category":"kitchen","stock":1}
				""");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(text(response)).contains("\"field\":\"name\"")
			.contains("\"field\":\"price\"")
			.contains("\"field\":\"currency\"");
	}

	@Test
	void staleIfMatchIsPreconditionFailedAndChangesNothing() {
		HttpResponse<byte[]> original = this.api.get("/api/v1/products/15");
		String staleTag = original.headers().firstValue("ETag").orElseThrow();
		String renamed = text(original).replaceFirst("\"name\":\"[^\"]*\"", "\"name\":\"First rename\"");
		HttpResponse<byte[]> first = this.api.put("/api/v1/products/15", renamed, "If-Match", staleTag);
		this.api.get("/api/v1/products/15");
		HttpResponse<byte[]> cachedBefore = this.cache.get("/v1/caches/products/entries/15");

		HttpResponse<byte[]> stale = this.api.put("/api/v1/products/15",
				text(original).replaceFirst("\"name\":\"[^\"]*\"", "\"name\":\"Lost rename\""), "If-Match", staleTag);
		HttpResponse<byte[]> cachedAfter = this.cache.get("/v1/caches/products/entries/15");
		HttpResponse<byte[]> read = this.api.get("/api/v1/products/15");

		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(stale.statusCode()).isEqualTo(412);
		assertThat(stale.headers().firstValue("Content-Type")).contains("application/problem+json");
		assertThat(cachedAfter.body()).isEqualTo(cachedBefore.body());
		assertThat(read.body()).isEqualTo(first.body());
		assertThat(text(read)).contains("First rename").doesNotContain("Lost rename");
	}

	@Test
	void ownETagGivesNotModifiedOnMissAndHit() {
		String etag = this.api.get("/api/v1/products/16").headers().firstValue("ETag").orElseThrow();
		this.api.put("/api/v1/products/16", text(this.api.get("/api/v1/products/16")));
		String current = this.api.get("/api/v1/products/16").headers().firstValue("ETag").orElseThrow();

		HttpResponse<byte[]> changed = this.api.get("/api/v1/products/16", "If-None-Match", etag);
		HttpResponse<byte[]> notModified = this.api.get("/api/v1/products/16", "If-None-Match", "W/" + current);

		assertThat(changed.statusCode()).isEqualTo(200);
		assertThat(notModified.statusCode()).isEqualTo(304);
		assertThat(notModified.headers().firstValue("ETag")).contains(current);
		assertThat(notModified.body()).isEmpty();
	}

	@Test
	void priceKeepsTwoDecimalsOnMissAndHit() {
		HttpResponse<byte[]> created = this.api.post("/api/v1/products", """
				{"sku":"E2E-PRICE","name":"Price check","price":600.00,"currency":"EUR","category":"e2e","stock":1}
				""");
		String path = URI.create(created.headers().firstValue("Location").orElseThrow()).getPath();

		HttpResponse<byte[]> miss = this.api.get(path);
		HttpResponse<byte[]> hit = this.api.get(path);

		assertThat(text(created)).contains("\"price\":600.00,");
		assertThat(miss.headers().firstValue("X-Cache")).contains("MISS");
		assertThat(text(miss)).contains("\"price\":600.00,");
		assertThat(hit.headers().firstValue("X-Cache")).contains("HIT");
		assertThat(hit.body()).isEqualTo(miss.body());
	}

	@Test
	void gzipBodyDecompressesToSameJsonAndETagStillValidates() throws IOException {
		String page = "/api/v1/products?category=laptops&sort=price,desc&size=30";
		HttpResponse<byte[]> identity = this.api.get(page);

		HttpResponse<byte[]> gzip = this.api.get(page, "Accept-Encoding", "gzip");
		String gzipTag = gzip.headers().firstValue("ETag").orElseThrow();
		HttpResponse<byte[]> revalidated = this.api.get(page, "Accept-Encoding", "gzip", "If-None-Match", gzipTag);

		assertThat(gzip.statusCode()).isEqualTo(200);
		assertThat(gzip.headers().firstValue("Content-Encoding")).contains("gzip");
		assertThat(gunzip(gzip.body())).isEqualTo(identity.body());
		assertThat(gzip.body().length).isLessThan(identity.body().length);
		assertThat(gzipTag).isNotEqualTo(identity.headers().firstValue("ETag").orElseThrow()).endsWith("-gzip\"");
		assertThat(revalidated.statusCode()).isEqualTo(304);
		assertThat(revalidated.headers().firstValue("ETag")).contains(gzipTag);
	}

	@Test
	void gzipETagValidatesIfMatch() throws IOException {
		String description = "A long description. ".repeat(90);
		HttpResponse<byte[]> created = this.api.post("/api/v1/products", """
				{"sku":"E2E-GZIP","name":"Gzip check","description":"%s","price":10.00,"currency":"EUR",
				"category":"e2e","stock":1}
				""".formatted(description));
		String path = URI.create(created.headers().firstValue("Location").orElseThrow()).getPath();
		HttpResponse<byte[]> gzip = this.api.get(path, "Accept-Encoding", "gzip");
		String json = new String(gunzip(gzip.body()), StandardCharsets.UTF_8);

		HttpResponse<byte[]> replaced = this.api.put(path, json.replace("Gzip check", "Gzip checked"), "If-Match",
				gzip.headers().firstValue("ETag").orElseThrow());

		assertThat(gzip.headers().firstValue("Content-Encoding")).contains("gzip");
		assertThat(replaced.statusCode()).isEqualTo(200);
		assertThat(text(replaced)).contains("Gzip checked");
	}

	@Test
	void listFiltersSortAndCountTogether() {
		HttpResponse<byte[]> page = this.api
			.get("/api/v1/products?category=laptops&q=pro&minPrice=500" + "&maxPrice=2000&sort=price,desc&size=100");

		assertThat(page.statusCode()).isEqualTo(200);
		String body = text(page);
		assertThat(body).contains("\"totalItems\":").doesNotContain("\"category\":\"monitors\"");
		List<BigDecimal> prices = Pattern.compile("\"price\":([0-9.]+)")
			.matcher(body)
			.results()
			.map((match) -> new BigDecimal(match.group(1)))
			.toList();
		assertThat(prices).isNotEmpty()
			.isSortedAccordingTo(Comparator.reverseOrder())
			.allSatisfy((price) -> assertThat(price).isBetween(new BigDecimal("500"), new BigDecimal("2000")));
	}

	@Test
	void writeLeavesTombstoneAndNewPageGeneration() {
		this.api.get("/api/v1/products/18");
		this.api.get("/api/v1/products?size=3");
		String generationBefore = text(this.cache.get("/v1/caches/product-pages/entries/generation"));

		this.api.put("/api/v1/products/18", text(this.api.get("/api/v1/products/18")));
		HttpResponse<byte[]> entry = this.cache.get("/v1/caches/products/entries/18");
		HttpResponse<byte[]> generation = this.cache.get("/v1/caches/product-pages/entries/generation");
		HttpResponse<byte[]> oldPage = this.cache
			.get("/v1/caches/product-pages/entries/" + generationBefore + "%3Apage%3D0%26size%3D3%26sort%3Did%2Casc");
		HttpResponse<byte[]> read = this.api.get("/api/v1/products/18");
		HttpResponse<byte[]> stored = this.cache.get("/v1/caches/products/entries/18");

		assertThat(entry.statusCode()).isEqualTo(200);
		assertThat(entry.headers().firstValue("Content-Type")).contains("application/vnd.cachepair.tombstone");
		assertThat(text(generation)).hasSize(22).isNotEqualTo(generationBefore);
		assertThat(oldPage.statusCode()).isEqualTo(404);
		assertThat(read.headers().firstValue("X-Cache")).contains("MISS");
		assertThat(stored.body()).isEqualTo(read.body());
	}

	@Test
	void deleteHonoursIfMatch() {
		HttpResponse<byte[]> product = this.api.get("/api/v1/products/17");
		String etag = product.headers().firstValue("ETag").orElseThrow();

		HttpResponse<byte[]> stale = this.api.delete("/api/v1/products/17", "If-Match", "\"not-the-tag\"");
		HttpResponse<byte[]> deleted = this.api.delete("/api/v1/products/17", "If-Match", etag);

		assertThat(stale.statusCode()).isEqualTo(412);
		assertThat(deleted.statusCode()).isEqualTo(204);
		assertThat(this.api.get("/api/v1/products/17").statusCode()).isEqualTo(404);
	}

	private static byte[] gunzip(byte[] compressed) throws IOException {
		try (GZIPInputStream input = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
			return input.readAllBytes();
		}
	}

}
