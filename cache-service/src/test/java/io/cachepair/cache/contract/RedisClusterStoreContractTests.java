package io.cachepair.cache.contract;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.cachepair.cache.RequiresDocker;
import io.cachepair.cache.TestClock;
import io.cachepair.cache.store.redis.RedisContainers;
import io.cachepair.cache.store.redis.RedisContainers.FixedPortContainer;

/**
 * Runs the entry contract against the Redis store on a Redis Cluster of three masters in
 * a container, configured through spring.data.redis.cluster.nodes.
 */
@RequiresDocker
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "cache-service.store=redis", "cache-service.caches.short.max-ttl=1h" })
@Import(RedisClusterStoreContractTests.ClockConfiguration.class)
@DirtiesContext
class RedisClusterStoreContractTests extends EntryContractTests {

	private static final FixedPortContainer cluster = RedisContainers.cluster();

	@LocalServerPort
	private int port;

	@Autowired
	private TestClock clock;

	private CacheHttpClient client;

	@BeforeAll
	static void startCluster() {
		cluster.start();
	}

	@AfterAll
	static void stopCluster() {
		cluster.stop();
	}

	@DynamicPropertySource
	static void redisProperties(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.cluster.nodes",
				() -> cluster.ports().stream().map((port) -> "127.0.0.1:" + port).toList());
	}

	@BeforeEach
	void createClient() {
		this.client = new CacheHttpClient(this.port);
	}

	@Override
	protected CacheHttpClient client() {
		return this.client;
	}

	@Override
	protected void advanceTime(Duration duration) {
		this.clock.advance(duration);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class ClockConfiguration {

		@Bean
		@Primary
		TestClock testClock() {
			return new TestClock();
		}

	}

}
