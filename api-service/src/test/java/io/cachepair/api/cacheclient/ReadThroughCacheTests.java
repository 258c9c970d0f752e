package io.cachepair.api.cacheclient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.cachepair.api.testing.FakeCacheServer;
import io.cachepair.api.testing.Waiting;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ReadThroughCacheTests {

	private static final Duration TTL = Duration.ofMinutes(1);

	private final AtomicInteger loads = new AtomicInteger();

	private final List<Runnable> scheduledRetries = new ArrayList<>();

	private FakeCacheServer server;

	private CacheClient client;

	private ReadThroughCache cache;

	@BeforeEach
	void startServer() throws IOException {
		this.server = FakeCacheServer.start();
		this.client = TestClients.client(this.server.baseUrl());
		this.cache = cacheWith(this.client);
	}

	@AfterEach
	void stopServer() {
		this.client.close();
		this.server.close();
	}

	@Test
	void missThenHitSendSameBytes() {
		CacheRead miss = this.cache.read("products", "1", TTL, loader("{\"id\":1}", "product:1"));
		CacheRead hit = this.cache.read("products", "1", TTL, loader("{\"id\":\"changed\"}", "product:1"));

		assertThat(miss.status()).isEqualTo(CacheStatus.MISS);
		assertThat(hit.status()).isEqualTo(CacheStatus.HIT);
		assertThat(hit.value()).isEqualTo(miss.value());
		assertThat(hit.etag()).isEqualTo(miss.etag());
		assertThat(hit.contentType()).isEqualTo("application/json");
		assertThat(this.loads).hasValue(1);
	}

	@Test
	void missStoresValueWithItsTags() {
		this.cache.read("product-pages", "page=0&size=2", TTL, loader("[]", "product-pages", "product:1"));

		FakeCacheServer.StoredEntry stored = this.server.entry("product-pages", "page=0&size=2");
		assertThat(stored).isNotNull();
		assertThat(stored.tags()).containsExactlyInAnyOrder("product-pages", "product:1");
		assertThat(this.server.requests("PUT").getFirst().queryValues("ttl")).containsExactly("60");
	}

	@Test
	void concurrentMissesLoadOnce() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		List<Thread> followers = new CopyOnWriteArrayList<>();
		try (ExecutorService executor = Executors.newCachedThreadPool()) {
			Future<CacheRead> first = executor.submit(() -> this.cache.read("products", "1", TTL, () -> {
				await(release);
				return loader("{\"id\":1}", "product:1").get();
			}));
			Waiting.awaitTrue(() -> this.loads.get() == 0 && this.server.requests("GET").size() == 1,
					"the first read to ask the cache-service");
			List<Future<CacheRead>> others = new ArrayList<>();
			for (int i = 0; i < 5; i++) {
				others.add(executor.submit(() -> {
					followers.add(Thread.currentThread());
					return this.cache.read("products", "1", TTL, loader("{\"id\":\"again\"}", "product:1"));
				}));
			}
			Waiting.awaitTrue(() -> followers.size() == 5 && this.server.requests("GET").size() == 6,
					"every other read to find no entry");
			Threads.awaitWaiting(List.copyOf(followers));
			release.countDown();

			byte[] expected = first.get(10, TimeUnit.SECONDS).value();
			for (Future<CacheRead> other : others) {
				assertThat(other.get(10, TimeUnit.SECONDS).value()).isEqualTo(expected);
			}
		}
		assertThat(this.loads).hasValue(1);
		assertThat(this.server.requests("GET")).hasSize(6);
		assertThat(this.server.requests("PUT")).hasSize(1);
	}

	@Test
	void failingCacheServiceIsBypassed() {
		this.server.failNext(1, 503);

		CacheRead read = this.cache.read("products", "1", TTL, loader("{\"id\":1}", "product:1"));

		assertThat(read.status()).isEqualTo(CacheStatus.BYPASS);
		assertThat(read.value()).asString(StandardCharsets.UTF_8).isEqualTo("{\"id\":1}");
		assertThat(read.etag()).isEqualTo(ContentETag.of(read.value()));
		assertThat(this.server.requests("PUT")).isEmpty();
	}

	@Test
	void unreachableCacheServiceIsBypassed() throws IOException {
		try (CacheClient unreachable = TestClients.client(CacheClientTests.closedPortUrl())) {
			ReadThroughCache bypassed = cacheWith(unreachable);

			CacheRead read = bypassed.read("products", "1", TTL, loader("{\"id\":1}", "product:1"));

			assertThat(read.status()).isEqualTo(CacheStatus.BYPASS);
			assertThat(this.loads).hasValue(1);
		}
	}

	@Test
	void failedStoreStillReturnsLoadedValue() {
		CacheRead read = this.cache.read("products", "1", TTL, () -> {
			this.server.failNext(1, 503);
			return loader("{\"id\":1}", "product:1").get();
		});

		assertThat(read.status()).isEqualTo(CacheStatus.MISS);
		assertThat(read.value()).asString(StandardCharsets.UTF_8).isEqualTo("{\"id\":1}");
		assertThat(this.server.entry("products", "1")).isNull();
	}

	@Test
	void loaderExceptionReachesReader() {
		IllegalArgumentException notFound = new IllegalArgumentException("no product 9");

		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> this.cache.read("products", "9", TTL, () -> {
				throw notFound;
			}))
			.isSameAs(notFound);
		assertThat(this.server.requests("PUT")).isEmpty();
	}

	@Test
	void invalidateRemovesTagsSoNextReadMisses() {
		this.cache.read("products", "1", TTL, loader("{\"v\":1}", "product:1"));

		this.cache.invalidate(List.of(Invalidation.tagRemoval("products", "product:1")));
		CacheRead read = this.cache.read("products", "1", TTL, loader("{\"v\":2}", "product:1"));

		assertThat(read.status()).isEqualTo(CacheStatus.MISS);
		assertThat(read.value()).asString(StandardCharsets.UTF_8).isEqualTo("{\"v\":2}");
	}

	@Test
	void writeDuringLoadSkipsStore() {
		CacheRead read = this.cache.read("products", "1", TTL, () -> {
			CacheableValue loaded = loader("{\"v\":1}", "product:1").get();
			this.cache.invalidate(List.of(Invalidation.tagRemoval("products", "product:1")));
			return loaded;
		});

		assertThat(read.status()).isEqualTo(CacheStatus.MISS);
		assertThat(this.server.entry("products", "1")).isNull();
		assertThat(this.server.requests("PUT")).isEmpty();
	}

	@Test
	void readAfterWriteDoesNotJoinEarlierLoad() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		try (ExecutorService executor = Executors.newCachedThreadPool()) {
			Future<CacheRead> earlier = executor.submit(() -> this.cache.read("products", "1", TTL, () -> {
				await(release);
				return loader("{\"v\":1}", "product:1").get();
			}));
			Waiting.awaitTrue(() -> this.server.requests("GET").size() == 1, "the earlier read to start");

			this.cache.invalidate(List.of(Invalidation.tagRemoval("products", "product:1")));
			CacheRead later = this.cache.read("products", "1", TTL, loader("{\"v\":2}", "product:1"));
			release.countDown();

			assertThat(later.value()).asString(StandardCharsets.UTF_8).isEqualTo("{\"v\":2}");
			assertThat(earlier.get(10, TimeUnit.SECONDS).value()).asString(StandardCharsets.UTF_8)
				.isEqualTo("{\"v\":1}");
		}
		FakeCacheServer.StoredEntry stored = this.server.entry("products", "1");
		assertThat(stored).isNotNull();
		assertThat(stored.value()).asString(StandardCharsets.UTF_8).isEqualTo("{\"v\":2}");
	}

	@Test
	void missStoresCreateOnly() {
		this.cache.read("products", "1", TTL, loader("{\"v\":1}", "product:1"));

		assertThat(this.server.requests("PUT").getFirst().ifNoneMatch()).isEqualTo("*");
		assertThat(this.server.requests("PUT").getFirst().ifMatch()).isNull();
	}

	@Test
	void tombstoneIsMissReplacedByCompareAndSet() {
		this.cache.invalidate(List.of(Invalidation.tombstone("products", "1", TTL)));
		FakeCacheServer.StoredEntry tombstone = this.server.entry("products", "1");
		this.server.clearRequests();

		CacheRead miss = this.cache.read("products", "1", TTL, loader("{\"v\":2}", "product:1"));
		CacheRead hit = this.cache.read("products", "1", TTL, loader("{\"v\":3}", "product:1"));

		assertThat(tombstone).isNotNull();
		assertThat(miss.status()).isEqualTo(CacheStatus.MISS);
		assertThat(this.server.requests("PUT").getFirst().ifMatch()).isEqualTo(ContentETag.of(tombstone.value()));
		assertThat(hit.status()).isEqualTo(CacheStatus.HIT);
		assertThat(hit.value()).asString(StandardCharsets.UTF_8).isEqualTo("{\"v\":2}");
	}

	@Test
	void readInGenerationPrefixesKeyWithGeneration() {
		CacheRead miss = this.cache.readInGeneration("product-pages", "page=0", TTL, TTL, loader("[1]", "pages"));
		CacheRead hit = this.cache.readInGeneration("product-pages", "page=0", TTL, TTL, loader("[2]", "pages"));

		FakeCacheServer.StoredEntry generation = this.server.entry("product-pages", Generations.KEY);
		assertThat(generation).isNotNull();
		String key = new String(generation.value(), StandardCharsets.US_ASCII) + ":page=0";
		assertThat(this.server.entry("product-pages", key)).isNotNull();
		assertThat(miss.status()).isEqualTo(CacheStatus.MISS);
		assertThat(hit.status()).isEqualTo(CacheStatus.HIT);
		assertThat(hit.value()).isEqualTo(miss.value());
	}

	@Test
	void newGenerationMakesEveryPageMiss() {
		this.cache.readInGeneration("product-pages", "page=0", TTL, TTL, loader("[1]", "pages"));

		this.cache.invalidate(List.of(Invalidation.newGeneration("product-pages", TTL)));
		CacheRead read = this.cache.readInGeneration("product-pages", "page=0", TTL, TTL, loader("[2]", "pages"));

		assertThat(read.status()).isEqualTo(CacheStatus.MISS);
		assertThat(read.value()).asString(StandardCharsets.UTF_8).isEqualTo("[2]");
		assertThat(this.server.entriesEndingWith("product-pages", ":page=0")).hasSize(2);
	}

	@Test
	void failingGenerationReadIsBypassed() {
		this.server.failNext(1, 503);

		CacheRead read = this.cache.readInGeneration("product-pages", "page=0", TTL, TTL, loader("[1]", "pages"));

		assertThat(read.status()).isEqualTo(CacheStatus.BYPASS);
		assertThat(this.server.requests("PUT")).isEmpty();
	}

	private ReadThroughCache cacheWith(CacheClient client) {
		return TestClients.cache(client, (task, delay) -> this.scheduledRetries.add(task));
	}

	private Supplier<CacheableValue> loader(String json, String... tags) {
		return () -> {
			this.loads.incrementAndGet();
			return new CacheableValue(json.getBytes(StandardCharsets.UTF_8), "application/json", Set.of(tags));
		};
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
