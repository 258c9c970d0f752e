package io.cachepair.cache.contract;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static io.cachepair.cache.contract.CacheHttpClient.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * The semantics of listing, configuring and dropping caches.
 */
interface CacheAdminContract extends ContractSupport {

	JsonMapper ADMIN_JSON = JsonMapper.builder().build();

	private JsonNode cacheView() {
		HttpResponse<byte[]> response = client().get(cachePath(""));
		assertThat(response.statusCode()).isEqualTo(200);
		return ADMIN_JSON.readTree(response.body());
	}

	private HttpResponse<byte[]> putSettings(String json) {
		return client().send("PUT", cachePath(""), json.getBytes(StandardCharsets.UTF_8), "Content-Type",
				"application/json");
	}

	@Test
	default void cacheShowsSettingsAndStatistics() {
		client().put(entryPath("a"), "value");
		client().get(entryPath("a"));
		client().get(entryPath("a"));
		client().get(entryPath("missing"));

		JsonNode view = cacheView();

		assertThat(view.get("name").asString()).isEqualTo(cacheName());
		assertThat(view.get("settings").get("defaultTtl").asString()).isEqualTo("1h");
		assertThat(view.get("settings").get("maxTtl").asString()).isEqualTo("30d");
		JsonNode statistics = view.get("statistics");
		assertThat(statistics.get("hits").asLong()).isEqualTo(2);
		assertThat(statistics.get("misses").asLong()).isEqualTo(1);
		assertThat(statistics.get("hitRatio").asDouble()).isCloseTo(2.0 / 3, offset(1e-9));
		assertThat(statistics.get("puts").asLong()).isEqualTo(1);
		assertThat(statistics.has("evictions")).isTrue();
	}

	@Test
	default void cacheListIncludesEveryCache() {
		client().put(entryPath("a"), "value");

		JsonNode caches = ADMIN_JSON.readTree(client().get("/v1/caches").body()).get("caches");

		assertThat(caches.valueStream().map((cache) -> cache.get("name").asString())).contains(cacheName());
	}

	@Test
	default void unknownCacheIsNotFound() {
		HttpResponse<byte[]> response = client().get(cachePath(""));

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(text(response)).contains("does not exist");
	}

	@Test
	default void putCreatesThenChangesSettings() {
		HttpResponse<byte[]> created = putSettings(
				"{\"maxEntries\": 500, \"maxBytes\": \"1MB\", \"defaultTtl\": \"10m\"}");
		HttpResponse<byte[]> changed = putSettings("{\"maxTtl\": \"2h\", \"defaultIdle\": \"5m\"}");

		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(changed.statusCode()).isEqualTo(200);
		JsonNode settings = cacheView().get("settings");
		assertThat(settings.get("maxEntries").asLong()).isEqualTo(500);
		assertThat(settings.get("maxBytes").asLong()).isEqualTo(1024 * 1024);
		assertThat(settings.get("defaultTtl").asString()).isEqualTo("10m");
		assertThat(settings.get("maxTtl").asString()).isEqualTo("2h");
		assertThat(settings.get("defaultIdle").asString()).isEqualTo("5m");
		client().put(entryPath("a"), "v");
		assertThat(client().get(entryPath("a")).headers().firstValue("Cache-Control")).hasValue("max-age=300");
		assertThat(client().put(entryPath("b") + "?ttl=3h", "v").statusCode()).isEqualTo(400);
	}

	@Test
	default void putRejectsInconsistentSettingsAndChangesNothing() {
		putSettings("{\"maxTtl\": \"1h\"}");

		HttpResponse<byte[]> ttlAboveMax = putSettings("{\"defaultTtl\": \"2h\"}");
		HttpResponse<byte[]> zeroEntries = putSettings("{\"maxEntries\": 0}");
		HttpResponse<byte[]> badSize = putSettings("{\"maxBytes\": \"lots\"}");
		HttpResponse<byte[]> badDuration = putSettings("{\"defaultIdle\": \"soon\"}");
		HttpResponse<byte[]> unknownField = putSettings("{\"maxEntriez\": 5}");

		assertThat(ttlAboveMax.statusCode()).isEqualTo(400);
		assertThat(text(ttlAboveMax)).contains("defaultTtl");
		assertThat(zeroEntries.statusCode()).isEqualTo(400);
		assertThat(text(zeroEntries)).contains("maxEntries");
		assertThat(text(badSize)).contains("maxBytes");
		assertThat(text(badDuration)).contains("defaultIdle");
		assertThat(unknownField.statusCode()).isEqualTo(400);
		assertThat(text(unknownField)).contains("maxEntriez");
		assertThat(cacheView().get("settings").get("defaultTtl").asString()).isEqualTo("1h");
	}

	@Test
	default void maxTtlAboveCeilingIsRejected() {
		putSettings("{\"maxTtl\": \"1h\"}");

		HttpResponse<byte[]> aboveCeiling = putSettings("{\"maxTtl\": \"3651d\"}");
		HttpResponse<byte[]> overflowing = putSettings(
				"{\"maxTtl\": \"999999999999d\", \"defaultTtl\": \"999999999999d\"}");

		assertThat(aboveCeiling.statusCode()).isEqualTo(400);
		assertThat(text(aboveCeiling)).contains("maxTtl");
		assertThat(text(aboveCeiling)).contains("ceiling of 3650d");
		assertThat(overflowing.statusCode()).isEqualTo(400);
		assertThat(cacheView().get("settings").get("maxTtl").asString()).isEqualTo("1h");
		assertThat(putSettings("{\"maxTtl\": \"3650d\"}").statusCode()).isEqualTo(200);
	}

	@Test
	default void dropRemovesEntriesAndCache() {
		client().put(entryPath("a"), "v");
		client().put(entryPath("b"), "v");

		HttpResponse<byte[]> dropped = client().delete(cachePath(""));

		assertThat(text(dropped)).isEqualTo("{\"removed\":2}");
		assertThat(client().get(entryPath("a")).statusCode()).isEqualTo(404);
		assertThat(client().get(cachePath("")).statusCode()).isEqualTo(404);
		assertThat(client().delete(cachePath("")).statusCode()).isEqualTo(404);
	}

	@Test
	default void byteBoundIsNeverReportedExceeded() {
		putSettings("{\"maxBytes\": \"64KB\", \"maxEntries\": 100000}");
		String value = "v".repeat(2000);

		for (int i = 0; i < 200; i++) {
			client().put(entryPath("k" + i), value);
			if (i % 20 == 0) {
				JsonNode statistics = cacheView().get("statistics");
				assertThat(statistics.get("bytes").asLong()).isLessThanOrEqualTo(64 * 1024);
			}
		}
		JsonNode statistics = cacheView().get("statistics");
		assertThat(statistics.get("bytes").asLong()).isLessThanOrEqualTo(64 * 1024);
		assertThat(statistics.get("entries").asLong()).isBetween(1L, 33L);
	}

}
