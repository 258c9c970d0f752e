package io.cachepair.api.cacheclient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.cachepair.api.testing.FakeCacheServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class InvalidatorTests {

	private static final Invalidation PRODUCT_TAG = Invalidation.tagRemoval("products", "product:1");

	private static final Invalidation TOMBSTONE = Invalidation.tombstone("products", "1", Duration.ofMinutes(10));

	private final List<ScheduledRetry> scheduled = new ArrayList<>();

	private FakeCacheServer server;

	private CacheClient client;

	private Invalidator invalidator;

	@BeforeEach
	void startServer() throws IOException {
		this.server = FakeCacheServer.start();
		this.client = TestClients.client(this.server.baseUrl());
		CacheClientProperties.Retry retry = new CacheClientProperties.Retry(3, Duration.ofMillis(500),
				Duration.ofMillis(800));
		this.invalidator = new Invalidator(this.client, new Generations(this.client), retry,
				(task, delay) -> this.scheduled.add(new ScheduledRetry(task, delay)));
		this.client.put("products", "1", new CacheableValue(new byte[] { 1 }, "text/plain", Set.of("product:1")),
				Duration.ofMinutes(1), WriteCondition.NONE);
		this.server.clearRequests();
	}

	@AfterEach
	void stopServer() {
		this.client.close();
		this.server.close();
	}

	@Test
	void successfulRemovalSchedulesNothing() {
		this.invalidator.apply(List.of(PRODUCT_TAG));

		assertThat(this.server.entry("products", "1")).isNull();
		assertThat(this.scheduled).isEmpty();
	}

	@Test
	void tombstoneReplacesEntryWithUniqueValue() {
		this.invalidator.apply(List.of(TOMBSTONE));
		FakeCacheServer.StoredEntry first = this.server.entry("products", "1");
		this.invalidator.apply(List.of(TOMBSTONE));
		FakeCacheServer.StoredEntry second = this.server.entry("products", "1");

		assertThat(first).isNotNull();
		assertThat(second).isNotNull();
		assertThat(first.contentType()).isEqualTo(Invalidator.TOMBSTONE_CONTENT_TYPE);
		assertThat(first.tags()).isEmpty();
		assertThat(second.value()).isNotEqualTo(first.value());
		assertThat(this.server.requests("PUT").getFirst().queryValues("ttl")).containsExactly("600");
	}

	@Test
	void newGenerationReplacesGenerationEntry() {
		Generations generations = new Generations(this.client);
		String before = generations.current("product-pages", Duration.ofHours(1));

		this.invalidator.apply(List.of(Invalidation.newGeneration("product-pages", Duration.ofHours(1))));

		FakeCacheServer.StoredEntry stored = this.server.entry("product-pages", Generations.KEY);
		assertThat(stored).isNotNull();
		assertThat(new String(stored.value(), StandardCharsets.US_ASCII)).hasSize(22).isNotEqualTo(before);
		assertThat(generations.current("product-pages", Duration.ofHours(1)))
			.isEqualTo(new String(stored.value(), StandardCharsets.US_ASCII));
	}

	@Test
	void invalidationsApplyInOrder() {
		this.invalidator.apply(List.of(TOMBSTONE, PRODUCT_TAG));

		assertThat(this.server.requests())
			.extracting((request) -> request.method() + " " + request.pathSegments().get(3))
			.containsExactly("PUT entries", "DELETE tags");
	}

	@Test
	void failedInvalidationIsRetriedInBackground(CapturedOutput output) {
		this.server.failNext(1, 503);

		this.invalidator.apply(List.of(PRODUCT_TAG));

		assertThat(this.server.entry("products", "1")).isNotNull();
		assertThat(this.scheduled).hasSize(1);
		assertThat(this.scheduled.getFirst().delay()).isEqualTo(Duration.ofMillis(500));
		assertThat(output).contains("WARN")
			.contains("Applying tag 'product:1' in cache 'products' failed (attempt 1 of 3)");

		runScheduled();

		assertThat(this.server.entry("products", "1")).isNull();
		assertThat(this.scheduled).isEmpty();
	}

	@Test
	void retriedTombstoneIsNewTombstone() {
		this.server.failNext(1, 503);

		this.invalidator.apply(List.of(TOMBSTONE));
		runScheduled();

		FakeCacheServer.StoredEntry stored = this.server.entry("products", "1");
		assertThat(stored).isNotNull();
		assertThat(stored.contentType()).isEqualTo(Invalidator.TOMBSTONE_CONTENT_TYPE);
	}

	@Test
	void retriesStopAfterMaxAttempts(CapturedOutput output) {
		this.server.failNext(10, 503);

		this.invalidator.apply(List.of(PRODUCT_TAG));
		while (!this.scheduled.isEmpty()) {
			runScheduled();
		}

		assertThat(this.server.requests("DELETE")).hasSize(3);
		assertThat(output).contains("Giving up on tag 'product:1' in cache 'products' after 3 attempts");
	}

	@Test
	void eachFailedInvalidationIsRetriedSeparately() {
		Invalidation pagesTag = Invalidation.tagRemoval("product-pages", "product-pages");
		this.server.failNext(2, 503);

		this.invalidator.apply(List.of(PRODUCT_TAG, pagesTag));

		assertThat(this.scheduled).hasSize(2);
	}

	@Test
	void delayDoublesUpToMaxDelay() {
		assertThat(this.invalidator.delayAfter(1)).isEqualTo(Duration.ofMillis(500));
		assertThat(this.invalidator.delayAfter(2)).isEqualTo(Duration.ofMillis(800));
		assertThat(this.invalidator.delayAfter(40)).isEqualTo(Duration.ofMillis(800));
	}

	private void runScheduled() {
		List<ScheduledRetry> due = List.copyOf(this.scheduled);
		this.scheduled.clear();
		due.forEach((retry) -> retry.task().run());
	}

	private record ScheduledRetry(Runnable task, Duration delay) {

	}

}
