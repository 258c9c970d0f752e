package io.cachepair.cache.store;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.cachepair.cache.TestTicker;
import io.cachepair.cache.entry.NewEntry;
import io.cachepair.cache.entry.Precondition;
import io.cachepair.cache.entry.WriteOutcome;
import io.cachepair.cache.settings.CacheSettings;
import io.cachepair.cache.entry.StoreUsage;
import io.cachepair.cache.web.PayloadTooLargeException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MemoryCacheTests {

	private static final int KEYS = 200;

	private final TestTicker ticker = new TestTicker();

	private static CacheSettings settings(long maxEntries, long maxBytes) {
		return new CacheSettings("test", maxEntries, maxBytes, Duration.ofHours(1), Duration.ofDays(1), null);
	}

	private static NewEntry entry(String value, String... tags) {
		return NewEntry.of(value.getBytes(StandardCharsets.UTF_8), "text/plain", Duration.ofHours(1), null,
				Set.of(tags));
	}

	@Test
	void byteBoundIsNeverExceeded() {
		MemoryCache cache = new MemoryCache(settings(1_000_000, 64 * 1024), this.ticker);
		String value = "v".repeat(900);

		for (int i = 0; i < 1000; i++) {
			cache.write("key-" + i, entry(value), Precondition.NONE);
			assertThat(cache.usage().bytes()).isLessThanOrEqualTo(64 * 1024);
		}
		assertThat(cache.usage().entries()).isPositive();
		assertThat(cache.usage().sizeEvictions()).isPositive();
	}

	@Test
	void entryBoundIsNeverExceeded() {
		MemoryCache cache = new MemoryCache(settings(50, 64 * 1024 * 1024), this.ticker);

		for (int i = 0; i < 500; i++) {
			cache.write("key-" + i, entry("small"), Precondition.NONE);
			assertThat(cache.usage().entries()).isLessThanOrEqualTo(50);
		}
		assertThat(cache.usage().entries()).isGreaterThan(40);
	}

	@Test
	void entryOverByteBoundIsRejectedWithoutEvictingAnything() {
		MemoryCache cache = new MemoryCache(settings(100, 4096), this.ticker);
		for (int i = 0; i < 10; i++) {
			cache.write("key-" + i, entry("small"), Precondition.NONE);
		}
		StoreUsage before = cache.usage();

		assertThatExceptionOfType(PayloadTooLargeException.class)
			.isThrownBy(() -> cache.write("huge", entry("x".repeat(5000)), Precondition.NONE))
			.withMessageContaining("byte bound of 4096");

		assertThat(cache.usage()).isEqualTo(before);
		assertThat(cache.usage().sizeEvictions()).isZero();
		assertThat(cache.read("huge")).isNull();
	}

	@Test
	void bytesAreReleasedWhenEntriesExpireOrAreRemoved() {
		MemoryCache cache = new MemoryCache(settings(100, 1024 * 1024), this.ticker);
		cache.write("a", entry("aaaa"), Precondition.NONE);
		cache.write("b", entry("bbbb", "t"), Precondition.NONE);
		cache.write("c", NewEntry.of(new byte[10], "text/plain", Duration.ofSeconds(5), null, Set.of()),
				Precondition.NONE);

		cache.remove("a", Precondition.NONE);
		cache.removeByTag("t");
		this.ticker.advance(Duration.ofSeconds(6));

		assertThat(cache.usage()).isEqualTo(new StoreUsage(0L, 0L, 0L, 1L));
	}

	@Test
	void replacingEntryCountsOnlyNewSize() {
		MemoryCache cache = new MemoryCache(settings(100, 1024 * 1024), this.ticker);
		cache.write("a", entry("x".repeat(100)), Precondition.NONE);

		cache.write("a", entry("x".repeat(10)), Precondition.NONE);

		assertThat(cache.usage().bytes()).isEqualTo(EntrySize.BOOKKEEPING_BYTES + 1 + 10 + "text/plain".length());
	}

	@Test
	void removeByTagRacingTaggedWritesKeepsOnlyWritesFinishedAfterItStarted() throws Exception {
		MemoryCache cache = new MemoryCache(settings(1_000_000, 256 * 1024 * 1024), this.ticker);
		AtomicLong clock = new AtomicLong();
		Map<String, Long> finishedAt = new ConcurrentHashMap<>();
		AtomicBoolean stop = new AtomicBoolean();
		try (ExecutorService writers = Executors.newFixedThreadPool(4)) {
			List<Future<?>> futures = new ArrayList<>();
			for (int writer = 0; writer < 4; writer++) {
				futures.add(writers.submit(() -> writeTaggedUntilStopped(cache, clock, finishedAt, stop)));
			}
			for (int round = 0; round < 200; round++) {
				long removalStart = clock.incrementAndGet();
				cache.removeByTag("t");
				assertOnlyLaterWritesKeepTag(cache, finishedAt, removalStart);
			}
			stop.set(true);
			for (Future<?> future : futures) {
				future.get();
			}
		}
		cache.removeByTag("t");
		cache.removeByTag("u");
		for (int i = 0; i < KEYS; i++) {
			assertThat(cache.read("key-" + i)).as("key-%d after removing both tags", i).isNull();
		}
		assertThat(cache.usage().entries()).isZero();
		assertThat(cache.usage().bytes()).isZero();
	}

	private static void writeTaggedUntilStopped(MemoryCache cache, AtomicLong clock, Map<String, Long> finishedAt,
			AtomicBoolean stop) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		for (int i = 0; !stop.get() && i < 200_000; i++) {
			String writeId = UUID.randomUUID().toString();
			String[] tags = random.nextBoolean() ? new String[] { "t", "u" } : new String[] { "u" };
			cache.write("key-" + random.nextInt(KEYS), entry(writeId, tags), Precondition.NONE);
			finishedAt.put(writeId, clock.incrementAndGet());
		}
	}

	private static void assertOnlyLaterWritesKeepTag(MemoryCache cache, Map<String, Long> finishedAt,
			long removalStart) {
		for (int i = 0; i < KEYS; i++) {
			StoredEntry stored = cache.storedQuietly("key-" + i);
			if (stored == null || !stored.tags().contains("t")) {
				continue;
			}
			String writeId = new String(stored.value(), StandardCharsets.UTF_8);
			Long finished = finishedAt.get(writeId);
			if (finished != null) {
				// A write whose finish was recorded before the removal began must be
				// gone.
				assertThat(finished).as("write %s finished before removal at %d", writeId, removalStart)
					.isGreaterThan(removalStart);
			}
		}
	}

	@Test
	void preconditionFailureLeavesEntryUnchanged() {
		MemoryCache cache = new MemoryCache(settings(100, 1024 * 1024), this.ticker);
		cache.write("a", entry("first"), Precondition.NONE);
		StoreUsage before = cache.usage();

		WriteOutcome outcome = cache.write("a", entry("second"),
				new Precondition(null, io.cachepair.cache.entry.EntityTagCondition.parse("If-None-Match", "*")));

		assertThat(outcome).isEqualTo(WriteOutcome.PRECONDITION_FAILED);
		assertThat(new String(cache.read("a").value(), StandardCharsets.UTF_8)).isEqualTo("first");
		assertThat(cache.usage()).isEqualTo(before);
	}

}
