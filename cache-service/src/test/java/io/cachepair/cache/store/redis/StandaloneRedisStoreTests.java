package io.cachepair.cache.store.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import io.cachepair.cache.RandomInputs;
import io.cachepair.cache.RequiresDocker;
import io.cachepair.cache.entry.CounterConflictException;
import io.cachepair.cache.entry.CounterUpdate;
import io.cachepair.cache.entry.CounterValues;
import io.cachepair.cache.entry.EntityTag;
import io.cachepair.cache.entry.EntryView;
import io.cachepair.cache.entry.NewEntry;
import io.cachepair.cache.entry.Precondition;
import io.cachepair.cache.settings.CacheSettings;
import io.cachepair.cache.web.PayloadTooLargeException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests of the Redis store on a single Redis server: its key layout, counters, expiry
 * backstop and script cache, plus the scenarios shared with the cluster.
 */
@RequiresDocker
class StandaloneRedisStoreTests extends RedisStoreScenarios {

	// Created in @BeforeAll, not in a static initializer, so that a class skipped for
	// want of Docker never touches Docker.
	private static RedisContainers.FixedPortContainer redis;

	@BeforeAll
	static void startRedis() {
		redis = RedisContainers.standalone();
		redis.start();
	}

	@AfterAll
	static void stopRedis() {
		if (redis != null) {
			redis.stop();
		}
	}

	@Override
	protected LettuceConnectionFactory connect() {
		return started(
				new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", redis.ports().get(0))));
	}

	private byte[] field(String key, String field) {
		return this.runner
			.await(this.runner.commands().hget(this.keys.entry(this.cache, key), RedisArguments.text(field)));
	}

	@Test
	void entryStoredAsRawBytes() {
		byte[] value = { 0, -1, 10, 13, 127, -128 };
		this.store.write(this.settings, "user/42",
				NewEntry.of(value, "application/octet-stream", Duration.ofMinutes(5), null, Set.of("team:7")),
				Precondition.NONE);

		byte[] entryKey = ("cachepair:" + this.cache + ":e:user/42").getBytes(StandardCharsets.UTF_8);
		byte[] tagSet = ("cachepair:" + this.cache + ":t:{" + this.cache + ":team:7}").getBytes(StandardCharsets.UTF_8);
		assertThat(this.runner.await(this.runner.commands().hget(entryKey, RedisArguments.text("value"))))
			.containsExactly(value);
		assertThat(new String(field("user/42", "type"), StandardCharsets.UTF_8)).isEqualTo("application/octet-stream");
		assertThat(new String(field("user/42", "etag"), StandardCharsets.UTF_8))
			.isEqualTo(EntityTag.of(value).opaque());
		assertThat(field("user/42", "tag:team:7")).isEmpty();
		assertThat(this.runner.await(this.runner.commands().sismember(tagSet, entryKey))).isTrue();
	}

	@Test
	void redisExpiryBackstopsDeadline() {
		this.store.write(this.settings, "k",
				NewEntry.of(new byte[1], "text/plain", Duration.ofSeconds(60), Duration.ofSeconds(30), Set.of()),
				Precondition.NONE);

		Long millisLeft = this.runner.await(this.runner.commands().pttl(this.keys.entry(this.cache, "k")));

		assertThat(millisLeft).isBetween(20_000L, 30_000L);
	}

	@Test
	void readDeletesExpiredEntry() {
		this.store.write(this.settings, "k",
				NewEntry.of(new byte[1], "text/plain", Duration.ofSeconds(10), null, Set.of()), Precondition.NONE);
		this.clock.advance(Duration.ofSeconds(11));

		assertThat(this.store.read(this.cache, "k")).isNull();
		assertThat(this.runner.await(this.runner.commands().exists(this.keys.entry(this.cache, "k")))).isZero();
	}

	@Test
	void scriptsReloadAfterScriptFlush() {
		write("k", "v");

		this.runner.await(this.runner.commands().scriptFlush());

		assertThat(readText("k")).isEqualTo("v");
	}

	@Test
	void entryOverByteBoundRejected() {
		var bounded = new CacheSettings(this.cache, 10, 100, Duration.ofHours(1), Duration.ofDays(1), null);

		assertThatExceptionOfType(PayloadTooLargeException.class)
			.isThrownBy(() -> this.store.write(bounded, "k", entry("x".repeat(200), "t"), Precondition.NONE))
			.withMessageContaining("byte bound of 100");
		assertThat(this.store.read(this.cache, "k")).isNull();
		assertThat(tagSetMembers("t")).isEmpty();
	}

	static Stream<Long> counterValues() {
		return RandomInputs.longs(60, -1_000_000_000_000_000_000L, 1_000_000_000_000_000_000L);
	}

	@ParameterizedTest
	@MethodSource("counterValues")
	void counterEtagMatchesServiceEtag(long value) {
		long stored = this.store.increment(this.settings, counter("n", value));
		EntryView view = this.store.read(this.cache, "n");

		assertThat(stored).isEqualTo(value);
		assertThat(view).isNotNull();
		assertThat(view.value()).isEqualTo(CounterValues.format(value));
		assertThat(view.etag()).isEqualTo(EntityTag.of(CounterValues.format(value)));
		assertThat(view.contentType()).isEqualTo(CounterValues.CONTENT_TYPE);
	}

	private static CounterUpdate counter(String key, long delta) {
		return new CounterUpdate(key, delta, Duration.ofHours(1), null, true);
	}

	@Test
	void counterAcceptsLeadingZeros() {
		this.store.write(this.settings, "n", entry("007"), Precondition.NONE);

		assertThat(this.store.increment(this.settings, counter("n", 1))).isEqualTo(8);
		assertThat(readText("n")).isEqualTo("8");
	}

	@Test
	void counterConflictsChangeNothing() {
		this.store.increment(this.settings, counter("max", Long.MAX_VALUE));
		write("text", "abc");
		write("huge", "99999999999999999999");

		assertThatExceptionOfType(CounterConflictException.class)
			.isThrownBy(() -> this.store.increment(this.settings, counter("max", 1)))
			.withMessageContaining("(now " + Long.MAX_VALUE + ")");
		assertThatExceptionOfType(CounterConflictException.class)
			.isThrownBy(() -> this.store.increment(this.settings, counter("text", 1)))
			.withMessageContaining("not a counter");
		assertThatExceptionOfType(CounterConflictException.class)
			.isThrownBy(() -> this.store.increment(this.settings, counter("huge", 1)))
			.withMessageContaining("not a counter");
		assertThat(readText("max")).isEqualTo(Long.toString(Long.MAX_VALUE));
		assertThat(readText("text")).isEqualTo("abc");
		assertThat(field("huge", "counter-scratch")).isNull();
	}

	@Test
	void counterKeepsTagsAndExpiry() {
		this.store.write(this.settings, "n",
				NewEntry.of(CounterValues.format(5), "text/plain", Duration.ofSeconds(60), null, Set.of("t")),
				Precondition.NONE);
		this.clock.advance(Duration.ofSeconds(50));

		this.store.increment(this.settings, counter("n", 1));
		EntryView view = this.store.read(this.cache, "n");

		assertThat(view).isNotNull();
		assertThat(view.timeLeft()).isEqualTo(Duration.ofSeconds(10));
		assertThat(this.store.removeByTag(this.cache, "t")).isEqualTo(1);
	}

}
