package io.cachepair.cache.settings;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.cachepair.cache.contract.CacheHttpClient;

import static io.cachepair.cache.contract.CacheHttpClient.text;
import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "cache-service.declared-caches-only=true", "cache-service.caches.sessions.max-entries=1000",
				"cache-service.caches.sessions.max-bytes=1MB", "cache-service.caches.sessions.default-ttl=15m",
				"cache-service.caches.sessions.default-idle=5m" })
class DeclaredCachesTests {

	@LocalServerPort
	private int port;

	private CacheHttpClient client;

	@BeforeEach
	void createClient() {
		this.client = new CacheHttpClient(this.port);
	}

	@Test
	void declaredCacheTakesConfiguredSettings() {
		this.client.put("/v1/caches/sessions/entries/s1", "data");

		String view = text(this.client.get("/v1/caches/sessions"));

		assertThat(view).contains("\"declared\":true")
			.contains("\"maxEntries\":1000")
			.contains("\"maxBytes\":1048576")
			.contains("\"defaultTtl\":\"15m\"")
			.contains("\"defaultIdle\":\"5m\"")
			.contains("\"maxTtl\":\"30d\"");
		assertThat(this.client.get("/v1/caches/sessions/entries/s1").headers().firstValue("Cache-Control"))
			.hasValue("max-age=300");
	}

	@Test
	void undeclaredCacheIsNotFoundForEveryCall() {
		assertThat(this.client.put("/v1/caches/other/entries/k", "v").statusCode()).isEqualTo(404);
		assertThat(this.client.get("/v1/caches/other/entries/k").statusCode()).isEqualTo(404);
		assertThat(this.client.delete("/v1/caches/other/tags/t").statusCode()).isEqualTo(404);
		assertThat(this.client.send("POST", "/v1/caches/other/counters/c", new byte[0]).statusCode()).isEqualTo(404);
		assertThat(this.client.send("PUT", "/v1/caches/other", "{}".getBytes(), "Content-Type", "application/json")
			.statusCode()).isEqualTo(404);
		assertThat(text(this.client.put("/v1/caches/other/entries/k", "v"))).contains("declared-caches-only");
		assertThat(text(this.client.get("/v1/caches"))).doesNotContain("\"other\"");
	}

	@Test
	void droppedDeclaredCacheKeepsDeclaredSettings() {
		this.client.send("PUT", "/v1/caches/sessions", "{\"defaultTtl\": \"1m\"}".getBytes(), "Content-Type",
				"application/json");
		this.client.put("/v1/caches/sessions/entries/s1", "data");

		this.client.delete("/v1/caches/sessions");

		assertThat(text(this.client.get("/v1/caches/sessions"))).contains("\"defaultTtl\":\"15m\"");
		assertThat(this.client.get("/v1/caches/sessions/entries/s1").statusCode()).isEqualTo(404);
	}

}
