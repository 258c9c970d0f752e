package io.cachepair.cache.contract;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.cachepair.cache.contract.CacheHttpClient.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The semantics of counters.
 */
interface CounterContract extends ContractSupport {

	private HttpResponse<byte[]> add(String key, String query) {
		return client().send("POST", cachePath("/counters/" + CacheHttpClient.encode(key) + query), new byte[0]);
	}

	@Test
	default void counterStartsAtZeroAndAddsByOne() {
		HttpResponse<byte[]> first = add("hits", "");
		HttpResponse<byte[]> second = add("hits", "");

		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(text(first)).isEqualTo("{\"value\":1}");
		assertThat(text(second)).isEqualTo("{\"value\":2}");
	}

	@Test
	default void misspeltAmountParameterIsRejected() {
		add("c", "?by=10");

		HttpResponse<byte[]> rejected = add("c", "?step=5");

		assertThat(rejected.statusCode()).isEqualTo(400);
		assertThat(text(rejected)).contains("Unknown query parameter 'step'");
		assertThat(text(rejected)).contains("only by, idle, ttl");
		assertThat(text(client().get(entryPath("c")))).isEqualTo("10");
	}

	@Test
	default void conditionalCounterAdditionIsRejected() {
		add("c", "?by=10");

		HttpResponse<byte[]> rejected = client().send("POST", cachePath("/counters/c?by=1"), new byte[0], "If-Match",
				"\"nope\"");

		assertThat(rejected.statusCode()).isEqualTo(400);
		assertThat(text(rejected)).contains("If-Match");
		assertThat(text(client().get(entryPath("c")))).isEqualTo("10");
	}

	@Test
	default void counterWithBodyIsRejected() {
		HttpResponse<byte[]> rejected = client().send("POST", cachePath("/counters/c"),
				"{\"by\":5}".getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json");

		assertThat(rejected.statusCode()).isEqualTo(400);
		assertThat(text(rejected)).contains("takes no body");
		assertThat(client().get(entryPath("c")).statusCode()).isEqualTo(404);
	}

	@Test
	default void counterAddsNegativeAmounts() {
		add("c", "?by=10");

		assertThat(text(add("c", "?by=-25"))).isEqualTo("{\"value\":-15}");
	}

	@Test
	default void counterReadsAsPlainNumber() {
		add("c", "?by=42");

		HttpResponse<byte[]> read = client().get(entryPath("c"));

		assertThat(text(read)).isEqualTo("42");
		assertThat(read.headers().firstValue("Content-Type")).hasValue("text/plain");
	}

	@Test
	default void counterContinuesFromWrittenInteger() {
		client().put(entryPath("c"), "100", "Content-Type", "text/plain");

		assertThat(text(add("c", "?by=5"))).isEqualTo("{\"value\":105}");
	}

	@Test
	default void counterOverNonIntegerConflictsAndChangesNothing() {
		client().put(entryPath("c"), "{\"n\":1}", "Content-Type", "application/json");

		HttpResponse<byte[]> conflict = add("c", "");

		assertThat(conflict.statusCode()).isEqualTo(409);
		assertThat(conflict.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(text(conflict)).contains("not a counter");
		assertThat(text(client().get(entryPath("c")))).isEqualTo("{\"n\":1}");
	}

	@Test
	default void counterOverflowConflictsAndChangesNothing() {
		add("c", "?by=" + Long.MAX_VALUE);

		HttpResponse<byte[]> overflow = add("c", "?by=1");
		HttpResponse<byte[]> underflow = add("d", "?by=" + Long.MIN_VALUE);
		HttpResponse<byte[]> belowMinimum = add("d", "?by=-1");

		assertThat(overflow.statusCode()).isEqualTo(409);
		assertThat(text(overflow)).contains("64-bit range");
		assertThat(text(client().get(entryPath("c")))).isEqualTo(Long.toString(Long.MAX_VALUE));
		assertThat(text(underflow)).isEqualTo("{\"value\":" + Long.MIN_VALUE + "}");
		assertThat(belowMinimum.statusCode()).isEqualTo(409);
	}

	@ParameterizedTest
	@ValueSource(strings = { "?by=", "?by=abc", "?by=1.5", "?by=9223372036854775808", "?by=1e3", "?by=0x10" })
	default void counterRejectsInvalidAmount(String query) {
		HttpResponse<byte[]> rejected = add("c", query);

		assertThat(rejected.statusCode()).isEqualTo(400);
		assertThat(text(rejected)).contains("Invalid by");
		assertThat(client().get(entryPath("c")).statusCode()).isEqualTo(404);
	}

	@Test
	default void counterTakesTtlWhenCreated() {
		add("c", "?ttl=60");

		advanceTime(Duration.ofSeconds(61));

		assertThat(client().get(entryPath("c")).statusCode()).isEqualTo(404);
		assertThat(text(add("c", ""))).isEqualTo("{\"value\":1}");
	}

	@Test
	default void counterKeepsExpiryWhenAddedWithoutTtl() {
		add("c", "?ttl=60");
		advanceTime(Duration.ofSeconds(50));

		add("c", "");
		advanceTime(Duration.ofSeconds(11));

		assertThat(client().get(entryPath("c")).statusCode()).isEqualTo(404);
	}

	@Test
	default void concurrentAdditionsLoseNoUpdate() throws Exception {
		int clients = 64;
		int additionsPerClient = 200;
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> results = new ArrayList<>();
		try (ExecutorService executor = Executors.newFixedThreadPool(clients)) {
			for (int i = 0; i < clients; i++) {
				results.add(executor.submit(() -> {
					start.await();
					for (int n = 0; n < additionsPerClient; n++) {
						assertThat(add("shared", "").statusCode()).isEqualTo(200);
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> result : results) {
				result.get();
			}
		}

		assertThat(text(client().get(entryPath("shared")))).isEqualTo(Integer.toString(clients * additionsPerClient));
	}

}
