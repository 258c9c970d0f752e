package io.cachepair.cache.store.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.lettuce.core.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import io.cachepair.cache.TestClock;
import io.cachepair.cache.entry.EntryView;
import io.cachepair.cache.entry.KeyedEntry;
import io.cachepair.cache.entry.NewEntry;
import io.cachepair.cache.entry.Precondition;
import io.cachepair.cache.settings.CacheSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of the Redis store that run both on a single server and on a cluster, where
 * entries and tag sets spread over many slots and nodes.
 */
abstract class RedisStoreScenarios {

	private static final int RACE_KEYS = 100;

	protected final TestClock clock = new TestClock();

	protected LettuceConnectionFactory factory;

	protected RedisCommandRunner runner;

	protected RedisEntryStore store;

	protected RedisKeys keys = new RedisKeys("cachepair");

	protected String cache;

	protected CacheSettings settings;

	protected abstract LettuceConnectionFactory connect();

	@BeforeEach
	void createStore() {
		this.factory = connect();
		this.runner = new RedisCommandRunner(this.factory, Duration.ofSeconds(2));
		this.store = new RedisEntryStore(this.runner, this.keys, this.clock, 50);
		this.cache = "c-" + UUID.randomUUID().toString().substring(0, 8);
		this.settings = new CacheSettings(this.cache, 100_000, 64L * 1024 * 1024, Duration.ofHours(1),
				Duration.ofDays(1), null);
	}

	@AfterEach
	void closeFactory() {
		this.factory.destroy();
	}

	static LettuceConnectionFactory started(LettuceConnectionFactory factory) {
		factory.afterPropertiesSet();
		factory.start();
		return factory;
	}

	protected static NewEntry entry(String value, String... tags) {
		return NewEntry.of(value.getBytes(StandardCharsets.UTF_8), "text/plain", Duration.ofHours(1), null,
				Set.of(tags));
	}

	protected void write(String key, String value, String... tags) {
		this.store.write(this.settings, key, entry(value, tags), Precondition.NONE);
	}

	protected String readText(String key) {
		EntryView view = this.store.read(this.cache, key);
		return (view != null) ? new String(view.value(), StandardCharsets.UTF_8) : "<missing>";
	}

	@Test
	void removeByPrefixReachesEveryNode() {
		List<KeyedEntry> entries = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			entries.add(new KeyedEntry("user:" + i, entry("u" + i, "users")));
			entries.add(new KeyedEntry("order:" + i, entry("o" + i)));
		}
		this.store.writeAll(this.settings, entries);

		long removed = this.store.removeByPrefix(this.cache, "user:");

		assertThat(removed).isEqualTo(300);
		for (int i = 0; i < 300; i++) {
			assertThat(this.store.read(this.cache, "user:" + i)).as("user:%d", i).isNull();
			assertThat(readText("order:" + i)).isEqualTo("o" + i);
		}
		assertThat(this.store.removeByTag(this.cache, "users")).as("entries left under the removed tag").isZero();
	}

	@Test
	void prefixGlobCharactersAreLiteral() {
		for (String key : List.of("a*b", "a*c", "axb", "a?b", "a[b]", "a\\b", "ab")) {
			write(key, key);
		}

		assertThat(this.store.removeByPrefix(this.cache, "a*")).isEqualTo(2);
		assertThat(this.store.removeByPrefix(this.cache, "a?")).isEqualTo(1);
		assertThat(this.store.removeByPrefix(this.cache, "a[")).isEqualTo(1);
		assertThat(this.store.removeByPrefix(this.cache, "a\\")).isEqualTo(1);
		assertThat(readText("axb")).isEqualTo("axb");
		assertThat(readText("ab")).isEqualTo("ab");
	}

	@Test
	void removeByTagReachesEveryNode() {
		for (int i = 0; i < 200; i++) {
			write("k" + i, "v" + i, (i % 2 == 0) ? "even" : "odd", "all");
		}

		long removed = this.store.removeByTag(this.cache, "even");

		assertThat(removed).isEqualTo(100);
		for (int i = 0; i < 200; i++) {
			assertThat(readText("k" + i)).isEqualTo((i % 2 == 0) ? "<missing>" : "v" + i);
		}
		assertThat(this.store.removeByTag(this.cache, "all")).isEqualTo(100);
	}

	@Test
	void removedEntryIsNotCountedByItsOtherTag() {
		write("a", "a", "t", "u");
		write("b", "b", "u");

		this.store.removeByTag(this.cache, "t");

		assertThat(this.store.removeByTag(this.cache, "u")).isEqualTo(1);
		assertThat(readText("b")).isEqualTo("<missing>");
	}

	@Test
	void rewriteWithoutTagSurvivesRemovalOfThatTag() {
		write("a", "tagged", "t");
		write("a", "untagged");

		assertThat(this.store.removeByTag(this.cache, "t")).isZero();
		assertThat(readText("a")).isEqualTo("untagged");
		assertThat(tagSetMembers("t")).isEmpty();
	}

	@Test
	void flushReachesEveryNode() {
		for (int i = 0; i < 250; i++) {
			write("k" + i, "v" + i, "t");
		}
		write("other-cache-key", "kept");
		String otherCache = this.cache + "x";
		this.store.write(this.settings.withName(otherCache), "k1", entry("other"), Precondition.NONE);

		assertThat(this.store.flush(this.cache)).isEqualTo(251);
		assertThat(this.store.read(this.cache, "k1")).isNull();
		assertThat(this.store.removeByTag(this.cache, "t")).isZero();
		assertThat(this.store.read(otherCache, "k1")).isNotNull();
	}

	@Test
	void batchReadKeepsRequestOrder() {
		List<KeyedEntry> entries = new ArrayList<>();
		for (int i = 0; i < 400; i++) {
			entries.add(new KeyedEntry("key-" + i, entry("value-" + i)));
		}
		this.store.writeAll(this.settings, entries);
		List<String> requested = new ArrayList<>();
		for (int i = 0; i < 400; i++) {
			requested.add("key-" + i);
			if (i % 10 == 0) {
				requested.add("missing-" + i);
			}
		}
		Collections.shuffle(requested, new Random(20261204L));

		List<EntryView> views = this.store.readAll(this.cache, requested);

		assertThat(views).hasSize(requested.size());
		for (int i = 0; i < requested.size(); i++) {
			String key = requested.get(i);
			EntryView view = views.get(i);
			if (key.startsWith("missing-")) {
				assertThat(view).as(key).isNull();
			}
			else {
				assertThat(view).as(key).isNotNull();
				assertThat(new String(view.value(), StandardCharsets.UTF_8)).isEqualTo(key.replace("key-", "value-"));
			}
		}
	}

	@Test
	void removeByTagRacingTaggedWritesKeepsOnlyWritesFinishedAfterItStarted() throws Exception {
		AtomicLong sequence = new AtomicLong();
		Map<String, Long> finishedAt = new ConcurrentHashMap<>();
		AtomicBoolean stop = new AtomicBoolean();
		try (ExecutorService writers = Executors.newFixedThreadPool(4)) {
			List<Future<?>> futures = new ArrayList<>();
			for (int writer = 0; writer < 4; writer++) {
				futures.add(writers.submit(() -> writeTaggedUntilStopped(sequence, finishedAt, stop)));
			}
			for (int round = 0; round < 40; round++) {
				long removalStart = sequence.incrementAndGet();
				this.store.removeByTag(this.cache, "t");
				assertOnlyLaterWritesKeepTag(finishedAt, removalStart);
			}
			stop.set(true);
			for (Future<?> future : futures) {
				future.get(60, TimeUnit.SECONDS);
			}
		}
		assertThat(finishedAt).as("writes during the race").hasSizeGreaterThan(100);
		this.store.removeByTag(this.cache, "t");
		this.store.removeByTag(this.cache, "u");
		for (int i = 0; i < RACE_KEYS; i++) {
			assertThat(this.store.read(this.cache, "key-" + i)).as("key-%d after removing both tags", i).isNull();
		}
	}

	@Test
	void concurrentRemovalsByTagEachRemoveEarlierWrites() throws Exception {
		List<String> keys = new ArrayList<>();
		List<KeyedEntry> entries = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			keys.add("bulk-" + i);
			entries.add(new KeyedEntry("bulk-" + i, entry("v", "t")));
		}
		for (int round = 0; round < 5; round++) {
			this.store.writeAll(this.settings, entries);
			CountDownLatch start = new CountDownLatch(1);
			List<Future<List<EntryView>>> survivors = new ArrayList<>();
			try (ExecutorService removers = Executors.newFixedThreadPool(2)) {
				for (int remover = 0; remover < 2; remover++) {
					survivors.add(removers.submit(() -> {
						start.await();
						this.store.removeByTag(this.cache, "t");
						return this.store.readAll(this.cache, keys);
					}));
				}
				start.countDown();
				for (Future<List<EntryView>> survivor : survivors) {
					// Whichever removal finds the tag set already moved must still wait
					// for
					// the entries listed in the other removal's snapshot.
					assertThat(survivor.get(60, TimeUnit.SECONDS)).as("round %d", round).containsOnlyNulls();
				}
			}
		}
	}

	@Test
	void removalRacingBatchWriteMissesNothing() throws Exception {
		List<String> keys = new ArrayList<>();
		List<KeyedEntry> entries = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			keys.add("batch-" + i);
			entries.add(new KeyedEntry("batch-" + i, entry("v", "t")));
		}
		for (int round = 0; round < 10; round++) {
			CountDownLatch start = new CountDownLatch(1);
			try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
				Future<?> writer = threads.submit(() -> {
					start.await();
					return this.store.writeAll(this.settings, entries);
				});
				Future<?> remover = threads.submit(() -> {
					start.await();
					return this.store.removeByTag(this.cache, "t");
				});
				start.countDown();
				writer.get(60, TimeUnit.SECONDS);
				remover.get(60, TimeUnit.SECONDS);
			}

			this.store.removeByTag(this.cache, "t");

			// Entries the racing removal checked before they were stored must have been
			// listed again by the write, so this later removal finds them.
			assertThat(this.store.readAll(this.cache, keys)).as("round %d", round).containsOnlyNulls();
		}
	}

	private void writeTaggedUntilStopped(AtomicLong sequence, Map<String, Long> finishedAt, AtomicBoolean stop) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		for (int i = 0; !stop.get() && i < 20_000; i++) {
			String writeId = UUID.randomUUID().toString();
			String[] tags = random.nextBoolean() ? new String[] { "t", "u" } : new String[] { "u" };
			write("key-" + random.nextInt(RACE_KEYS), writeId, tags);
			finishedAt.put(writeId, sequence.incrementAndGet());
		}
	}

	private void assertOnlyLaterWritesKeepTag(Map<String, Long> finishedAt, long removalStart) {
		for (int i = 0; i < RACE_KEYS; i++) {
			List<KeyValue<byte[], byte[]>> fields = this.runner.await(this.runner.commands()
				.hmget(this.keys.entry(this.cache, "key-" + i), RedisArguments.text("value"),
						RedisArguments.text("tag:t")));
			if (!fields.get(0).hasValue() || !fields.get(1).hasValue()) {
				continue;
			}
			String writeId = new String(fields.get(0).getValue(), StandardCharsets.UTF_8);
			Long finished = finishedAt.get(writeId);
			if (finished != null) {
				// A write whose finish was recorded before the removal began must be
				// gone.
				assertThat(finished).as("write %s finished before removal at %d", writeId, removalStart)
					.isGreaterThan(removalStart);
			}
		}
	}

	protected List<String> tagSetMembers(String tag) {
		Set<byte[]> members = this.runner.await(this.runner.commands().smembers(this.keys.tagSet(this.cache, tag)));
		return members.stream().map((member) -> this.keys.keyOf(this.cache, member)).sorted().toList();
	}

}
