package io.cachepair.api.cacheclient;

import java.io.IOException;
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
class TagRemoverTests {

	private static final CacheTag PRODUCT_TAG = new CacheTag("products", "product:1");

	private final List<ScheduledRetry> scheduled = new ArrayList<>();

	private FakeCacheServer server;

	private CacheClient client;

	private TagRemover remover;

	@BeforeEach
	void startServer() throws IOException {
		this.server = FakeCacheServer.start();
		this.client = TestClients.client(this.server.baseUrl());
		CacheClientProperties.Retry retry = new CacheClientProperties.Retry(3, Duration.ofMillis(500),
				Duration.ofMillis(800));
		this.remover = new TagRemover(this.client, retry,
				(task, delay) -> this.scheduled.add(new ScheduledRetry(task, delay)));
		this.client.put("products", "1", new CacheableValue(new byte[] { 1 }, "text/plain", Set.of("product:1")),
				Duration.ofMinutes(1));
		this.server.clearRequests();
	}

	@AfterEach
	void stopServer() {
		this.client.close();
		this.server.close();
	}

	@Test
	void successfulRemovalSchedulesNothing() {
		this.remover.remove(List.of(PRODUCT_TAG));

		assertThat(this.server.entry("products", "1")).isNull();
		assertThat(this.scheduled).isEmpty();
	}

	@Test
	void failedRemovalIsRetriedInBackground(CapturedOutput output) {
		this.server.failNext(1, 503);

		this.remover.remove(List.of(PRODUCT_TAG));

		assertThat(this.server.entry("products", "1")).isNotNull();
		assertThat(this.scheduled).hasSize(1);
		assertThat(this.scheduled.getFirst().delay()).isEqualTo(Duration.ofMillis(500));
		assertThat(output).contains("WARN").contains("Removing tag 'product:1' from cache 'products' failed");

		runScheduled();

		assertThat(this.server.entry("products", "1")).isNull();
		assertThat(this.scheduled).isEmpty();
	}

	@Test
	void retriesStopAfterMaxAttempts(CapturedOutput output) {
		this.server.failNext(10, 503);

		this.remover.remove(List.of(PRODUCT_TAG));
		while (!this.scheduled.isEmpty()) {
			runScheduled();
		}

		assertThat(this.server.requests("DELETE")).hasSize(3);
		assertThat(output).contains("Giving up removing tag 'product:1' from cache 'products' after 3 attempts");
	}

	@Test
	void eachFailedTagIsRetriedSeparately() {
		CacheTag pagesTag = new CacheTag("product-pages", "product-pages");
		this.server.failNext(2, 503);

		this.remover.remove(List.of(PRODUCT_TAG, pagesTag));

		assertThat(this.scheduled).hasSize(2);
	}

	@Test
	void delayDoublesUpToMaxDelay() {
		assertThat(this.remover.delayAfter(1)).isEqualTo(Duration.ofMillis(500));
		assertThat(this.remover.delayAfter(2)).isEqualTo(Duration.ofMillis(800));
		assertThat(this.remover.delayAfter(40)).isEqualTo(Duration.ofMillis(800));
	}

	private void runScheduled() {
		List<ScheduledRetry> due = List.copyOf(this.scheduled);
		this.scheduled.clear();
		due.forEach((retry) -> retry.task().run());
	}

	private record ScheduledRetry(Runnable task, Duration delay) {

	}

}
