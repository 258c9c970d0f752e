package io.cachepair.api.cacheclient;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import io.cachepair.api.testing.FakeCacheServer;
import io.cachepair.api.testing.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CacheClientTests {

	private FakeCacheServer server;

	private CacheClient client;

	@BeforeEach
	void startServer() throws IOException {
		this.server = FakeCacheServer.start();
		this.client = TestClients.client(this.server.baseUrl());
	}

	@AfterEach
	void stopServer() {
		this.client.close();
		this.server.close();
	}

	@Test
	void putThenGetReturnsStoredValue() {
		byte[] value = "{\"id\":1}".getBytes(StandardCharsets.UTF_8);

		this.client.put("products", "1", new CacheableValue(value, "application/json", Set.of()), Duration.ofMinutes(1),
				WriteCondition.NONE);
		Optional<CachedValue> cached = this.client.get("products", "1");

		assertThat(cached).isPresent();
		assertThat(cached.get().value()).isEqualTo(value);
		assertThat(cached.get().contentType()).isEqualTo("application/json");
		assertThat(cached.get().etag()).isEqualTo(ContentETag.of(value));
	}

	@Test
	void getOfAbsentEntryReturnsEmpty() {
		assertThat(this.client.get("products", "404")).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "a/b", "100%", "a+b", "with space", "x.y", "ключ", "日本", "page=0&size=20" })
	void keyRoundTripsAsOnePathSegment(String key) {
		byte[] value = key.getBytes(StandardCharsets.UTF_8);

		this.client.put("products", key, new CacheableValue(value, "text/plain", Set.of()), Duration.ofMinutes(1),
				WriteCondition.NONE);

		RecordedRequest put = this.server.requests("PUT").getFirst();
		assertThat(put.pathSegments()).containsExactly("v1", "caches", "products", "entries", key);
		assertThat(this.client.get("products", key)).map(CachedValue::value).contains(value);
	}

	@Test
	void putSendsTtlInSecondsAndEveryTag() {
		CacheableValue value = new CacheableValue(new byte[] { 1 }, "application/octet-stream",
				Set.of("product:1", "product-pages"));

		this.client.put("product-pages", "page=0&size=20", value, Duration.ofMinutes(10), WriteCondition.NONE);

		RecordedRequest put = this.server.requests("PUT").getFirst();
		assertThat(put.queryValues("ttl")).containsExactly("600");
		assertThat(put.queryValues("tag")).containsExactlyInAnyOrder("product:1", "product-pages");
		assertThat(this.server.entry("product-pages", "page=0&size=20")).isNotNull();
	}

	@Test
	void removeTagReturnsRemovedCount() {
		CacheableValue tagged = new CacheableValue(new byte[] { 1 }, "text/plain", Set.of("product:7"));
		this.client.put("products", "7", tagged, Duration.ofMinutes(1), WriteCondition.NONE);
		this.client.put("products", "8", tagged, Duration.ofMinutes(1), WriteCondition.NONE);

		long removed = this.client.removeTag("products", "product:7");

		assertThat(removed).isEqualTo(2);
		assertThat(this.client.get("products", "7")).isEmpty();
	}

	@Test
	void createOnlyPutFailsOnExistingEntry() {
		CacheableValue first = new CacheableValue(new byte[] { 1 }, "text/plain", Set.of());
		CacheableValue second = new CacheableValue(new byte[] { 2 }, "text/plain", Set.of());

		boolean created = this.client.put("products", "1", first, Duration.ofMinutes(1), WriteCondition.CREATE_ONLY);
		boolean replaced = this.client.put("products", "1", second, Duration.ofMinutes(1), WriteCondition.CREATE_ONLY);

		assertThat(created).isTrue();
		assertThat(replaced).isFalse();
		assertThat(this.server.requests("PUT").getLast().body()).containsExactly(2);
		assertThat(this.client.get("products", "1")).map(CachedValue::value).contains(new byte[] { 1 });
	}

	@Test
	void replacingPutSendsIfMatchAndFailsOnOtherTag() {
		CacheableValue first = new CacheableValue(new byte[] { 1 }, "text/plain", Set.of());
		CacheableValue second = new CacheableValue(new byte[] { 2 }, "text/plain", Set.of());
		this.client.put("products", "1", first, Duration.ofMinutes(1), WriteCondition.NONE);

		boolean stale = this.client.put("products", "1", second, Duration.ofMinutes(1),
				WriteCondition.replacing(ContentETag.of(new byte[] { 9 })));
		boolean current = this.client.put("products", "1", second, Duration.ofMinutes(1),
				WriteCondition.replacing(ContentETag.of(new byte[] { 1 })));

		assertThat(stale).isFalse();
		assertThat(current).isTrue();
		assertThat(this.server.requests("PUT").getLast().ifMatch()).isEqualTo(ContentETag.of(new byte[] { 1 }));
		assertThat(this.client.get("products", "1")).map(CachedValue::value).contains(new byte[] { 2 });
	}

	@Test
	void tokenIsSentAsBearerAuthorization() {
		try (CacheClient authorized = TestClients.client(TestClients.properties(this.server.baseUrl(), "secret-token"),
				Clock.systemUTC())) {
			authorized.get("products", "1");
		}

		assertThat(this.server.requests().getFirst().authorization()).isEqualTo("Bearer secret-token");
	}

	@Test
	void noAuthorizationWithoutToken() {
		this.client.get("products", "1");

		assertThat(this.server.requests().getFirst().authorization()).isNull();
	}

	@Test
	void stalledCacheServiceTimesOut() {
		this.server.stall();
		Instant start = Instant.now();

		assertThatExceptionOfType(CacheClientException.class).isThrownBy(() -> this.client.get("products", "1"))
			.withMessageContaining("timed out");
		assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(5));
	}

	@Test
	void unreachableCacheServiceThrows() throws IOException {
		try (CacheClient unreachable = TestClients.client(closedPortUrl())) {
			assertThatExceptionOfType(CacheClientException.class).isThrownBy(() -> unreachable.get("products", "1"))
				.withMessageContaining("GET of an entry in cache 'products' failed");
		}
	}

	@Test
	void serverErrorThrows() {
		this.server.failNext(1, 500);

		assertThatExceptionOfType(CacheClientException.class).isThrownBy(() -> this.client.get("products", "1"))
			.withMessageContaining("unexpected status 500");
	}

	@Test
	void repeatedFailuresOpenCircuitAndSkipCalls() {
		this.server.failNext(3, 503);
		for (int i = 0; i < 3; i++) {
			assertThatExceptionOfType(CacheClientException.class).isThrownBy(() -> this.client.get("products", "1"));
		}

		assertThatExceptionOfType(CacheClientException.class).isThrownBy(() -> this.client.get("products", "1"))
			.withMessageContaining("circuit breaker is OPEN");
		assertThat(this.server.requests()).hasSize(3);
	}

	@Test
	void clientErrorLeavesCircuitClosed() {
		this.server.failNext(3, 400);
		for (int i = 0; i < 3; i++) {
			assertThatExceptionOfType(CacheClientException.class).isThrownBy(() -> this.client.get("products", "1"));
		}

		assertThat(this.client.get("products", "1")).isEmpty();
		assertThat(this.server.requests()).hasSize(4);
	}

	@Test
	void encodeComponentEscapesAllButUnreservedCharacters() {
		assertThat(CacheClient.encodeComponent("a/b c+%")).isEqualTo("a%2Fb%20c%2B%25");
		assertThat(CacheClient.encodeComponent("Az09-._~")).isEqualTo("Az09-._~");
		assertThat(CacheClient.encodeComponent("é")).isEqualTo("%C3%A9");
		assertThat(CacheClient.encodeComponent("product:1")).isEqualTo("product%3A1");
	}

	@Test
	void baseUrlWithTrailingSlashBuildsSamePaths() {
		URI withSlash = URI.create(this.server.baseUrl() + "/");
		try (CacheClient slashed = TestClients.client(withSlash)) {
			slashed.get("products", "1");
		}

		assertThat(this.server.requests().getFirst().rawPath()).isEqualTo("/v1/caches/products/entries/1");
	}

	/**
	 * Returns the URL of a loopback port that was free a moment ago and has no listener
	 * now.
	 */
	static URI closedPortUrl() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return URI.create("http://127.0.0.1:" + socket.getLocalPort());
		}
	}

}
