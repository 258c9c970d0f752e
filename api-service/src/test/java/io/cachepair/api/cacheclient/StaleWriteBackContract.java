package io.cachepair.api.cacheclient;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Races between a read on one api-service replica and a write on another, ordered by
 * latches in the read's loader: the read finds no entry or a tombstone, loads the old
 * value and waits; the write commits and invalidates; then the read tries to store. The
 * old value must never be served afterwards.
 * <p>
 * Subclasses run the races against the fake and against the real cache-service.
 */
abstract class StaleWriteBackContract {

	private static final Duration TTL = Duration.ofMinutes(10);

	private final String products = "products-" + UUID.randomUUID();

	private final String pages = "pages-" + UUID.randomUUID();

	private final CountDownLatch loaded = new CountDownLatch(1);

	private final CountDownLatch release = new CountDownLatch(1);

	private CacheClient readerClient;

	private CacheClient writerClient;

	private ReadThroughCache reader;

	private ReadThroughCache writer;

	/**
	 * Returns the base URL of the cache-service under test.
	 */
	abstract URI cacheServiceUrl();

	@BeforeEach
	void createReplicas() {
		this.readerClient = TestClients.client(cacheServiceUrl());
		this.writerClient = TestClients.client(cacheServiceUrl());
		this.reader = TestClients.cache(this.readerClient, (task, delay) -> {
			throw new AssertionError("No invalidation may fail in these races");
		});
		this.writer = TestClients.cache(this.writerClient, (task, delay) -> {
			throw new AssertionError("No invalidation may fail in these races");
		});
	}

	@AfterEach
	void closeReplicas() {
		this.readerClient.close();
		this.writerClient.close();
	}

	@Test
	void missLoadedBeforeWriteIsNotStored() throws Exception {
		CacheRead stale = readWhileWriting(() -> this.reader.read(this.products, "1", TTL, this.held("old")),
				List.of(Invalidation.tombstone(this.products, "1", TTL)));
		CacheRead fresh = this.writer.read(this.products, "1", TTL, value("new"));
		CacheRead later = this.reader.read(this.products, "1", TTL, value("unused"));

		assertThat(text(stale)).isEqualTo("old");
		assertThat(stale.status()).isEqualTo(CacheStatus.MISS);
		assertThat(fresh.status()).isEqualTo(CacheStatus.MISS);
		assertThat(text(fresh)).isEqualTo("new");
		assertThat(later.status()).isEqualTo(CacheStatus.HIT);
		assertThat(text(later)).isEqualTo("new");
	}

	@Test
	void tombstoneSeenBeforeSecondWriteIsNotReplaced() throws Exception {
		this.writer.invalidate(List.of(Invalidation.tombstone(this.products, "1", TTL)));

		CacheRead stale = readWhileWriting(() -> this.reader.read(this.products, "1", TTL, this.held("first")),
				List.of(Invalidation.tombstone(this.products, "1", TTL)));
		CacheRead fresh = this.writer.read(this.products, "1", TTL, value("second"));
		CacheRead later = this.reader.read(this.products, "1", TTL, value("unused"));

		assertThat(text(stale)).isEqualTo("first");
		assertThat(fresh.status()).isEqualTo(CacheStatus.MISS);
		assertThat(later.status()).isEqualTo(CacheStatus.HIT);
		assertThat(text(later)).isEqualTo("second");
	}

	@Test
	void pageLoadedBeforeWriteIsNeverRead() throws Exception {
		List<Invalidation> write = List.of(Invalidation.newGeneration(this.pages, TTL),
				Invalidation.tagRemoval(this.pages, "all-pages"));

		CacheRead stale = readWhileWriting(
				() -> this.reader.readInGeneration(this.pages, "page=0", TTL, TTL, this.held("old page")), write);
		CacheRead fresh = this.writer.readInGeneration(this.pages, "page=0", TTL, TTL, value("new page"));
		CacheRead later = this.reader.readInGeneration(this.pages, "page=0", TTL, TTL, value("unused"));

		assertThat(text(stale)).isEqualTo("old page");
		assertThat(fresh.status()).isEqualTo(CacheStatus.MISS);
		assertThat(later.status()).isEqualTo(CacheStatus.HIT);
		assertThat(text(later)).isEqualTo("new page");
	}

	@Test
	void readAfterWriteOnOtherReplicaDoesNotReuseOldEntry() {
		this.reader.read(this.products, "1", TTL, value("old"));

		this.writer.invalidate(List.of(Invalidation.tombstone(this.products, "1", TTL)));
		CacheRead read = this.reader.read(this.products, "1", TTL, value("new"));

		assertThat(read.status()).isEqualTo(CacheStatus.MISS);
		assertThat(text(read)).isEqualTo("new");
	}

	/**
	 * Runs the read on another thread until its loader has loaded, applies the write's
	 * invalidations on the writer replica, and then lets the read finish and store.
	 */
	private CacheRead readWhileWriting(Supplier<CacheRead> read, List<Invalidation> write) throws Exception {
		try (ExecutorService executor = Executors.newSingleThreadExecutor()) {
			Future<CacheRead> pending = executor.submit(read::get);
			assertThat(this.loaded.await(10, TimeUnit.SECONDS)).as("the read's load to finish").isTrue();
			this.writer.invalidate(write);
			this.release.countDown();
			return pending.get(10, TimeUnit.SECONDS);
		}
	}

	/**
	 * Returns a loader that loads the value, then signals {@link #loaded} and waits for
	 * {@link #release} before the read goes on to store.
	 */
	private Supplier<CacheableValue> held(String text) {
		return () -> {
			CacheableValue loadedValue = value(text).get();
			this.loaded.countDown();
			try {
				this.release.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return loadedValue;
		};
	}

	private static Supplier<CacheableValue> value(String text) {
		return () -> new CacheableValue(text.getBytes(StandardCharsets.UTF_8), "text/plain", Set.of("all-pages"));
	}

	private static String text(CacheRead read) {
		return new String(read.value(), StandardCharsets.UTF_8);
	}

}
