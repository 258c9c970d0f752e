package io.cachepair.cache.contract;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

import io.cachepair.cache.TestTicker;

/**
 * Runs the entry contract against the memory store.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "cache-service.caches.short.max-ttl=1h")
@Import(MemoryStoreContractTests.TickerConfiguration.class)
class MemoryStoreContractTests extends EntryContractTests {

	@LocalServerPort
	private int port;

	@Autowired
	private TestTicker ticker;

	private CacheHttpClient client;

	@BeforeEach
	void createClient() {
		this.client = new CacheHttpClient(this.port);
	}

	@Override
	public CacheHttpClient client() {
		return this.client;
	}

	@Override
	public void advanceTime(Duration duration) {
		this.ticker.advance(duration);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class TickerConfiguration {

		@Bean
		@Primary
		TestTicker testTicker() {
			return new TestTicker();
		}

	}

}
