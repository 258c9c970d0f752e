package io.cachepair.cache.stats;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.cachepair.cache.contract.CacheHttpClient;

import static io.cachepair.cache.contract.CacheHttpClient.text;
import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CacheMetersTests {

	@LocalServerPort
	private int port;

	private CacheHttpClient client;

	@BeforeEach
	void createClient() {
		this.client = new CacheHttpClient(this.port);
	}

	@Test
	void prometheusShowsHitsMissesAndSizePerCache() {
		this.client.put("/v1/caches/metered/entries/a", "value");
		this.client.get("/v1/caches/metered/entries/a");
		this.client.get("/v1/caches/metered/entries/a");
		this.client.get("/v1/caches/metered/entries/b");
		this.client.put("/v1/caches/other/entries/a", "value");

		String metrics = text(this.client.get("/actuator/prometheus"));

		assertThat(metrics).contains("cache_gets_total{cache=\"metered\",result=\"hit\"} 2.0");
		assertThat(metrics).contains("cache_gets_total{cache=\"metered\",result=\"miss\"} 1.0");
		assertThat(metrics).contains("cache_puts_total{cache=\"metered\"} 1.0");
		assertThat(metrics).contains("cache_size{cache=\"metered\"} 1.0");
		assertThat(metrics).contains("cache_puts_total{cache=\"other\"} 1.0");
		assertThat(metrics).contains("cache_evictions_total{cache=\"metered\",cause=\"size\"} 0.0");
		assertThat(metrics).contains("cache_evictions_total{cache=\"metered\",cause=\"expired\"} 0.0");
		assertThat(metrics).containsPattern("cache_bytes\\{cache=\"metered\"\\} [1-9]");
		assertThat(metrics).contains("http_server_requests_seconds_count{");
	}

	@Test
	void droppedCacheLosesItsMeters() {
		this.client.put("/v1/caches/dropped/entries/a", "value");

		this.client.delete("/v1/caches/dropped");

		assertThat(text(this.client.get("/actuator/prometheus"))).doesNotContain("cache=\"dropped\"");
	}

}
