package io.cachepair.cache.store.redis;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.cachepair.cache.CacheServiceApplication;
import io.cachepair.cache.RequiresDocker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two cache-service instances on the Redis store over one Redis, driven over HTTP: they
 * share entries and tags, respond with 503 fast while Redis is stopped or frozen, and
 * resume by themselves when it returns.
 */
@RequiresDocker
class RedisReplicasTests {

	// Created in @BeforeAll, not in a static initializer, so that a class skipped for
	// want of Docker never touches Docker.
	private static RedisContainers.FixedPortContainer redis;

	private static final Duration FAST_FAILURE = Duration.ofSeconds(1);

	private static final Duration RECOVERY = Duration.ofSeconds(30);

	private static ConfigurableApplicationContext first;

	private static ConfigurableApplicationContext second;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@BeforeAll
	static void startReplicas() {
		redis = RedisContainers.standalone();
		redis.start();
		first = startReplica();
		second = startReplica();
	}

	private static ConfigurableApplicationContext startReplica() {
		// Arguments, unlike default properties, override the port in application.yml.
		return new SpringApplicationBuilder(CacheServiceApplication.class).run("--server.port=0",
				"--cache-service.store=redis", "--spring.data.redis.host=127.0.0.1",
				"--spring.data.redis.port=" + redis.ports().get(0));
	}

	@AfterAll
	static void stopReplicas() {
		if (first != null) {
			first.close();
		}
		if (second != null) {
			second.close();
		}
		if (redis != null) {
			redis.stop();
		}
	}

	@Test
	void replicasShareEntriesAndEtags() {
		HttpResponse<String> put = send(first, "PUT", "/v1/caches/shared/entries/user%2F1", "{\"name\":\"Ada\"}");
		HttpResponse<String> get = send(second, "GET", "/v1/caches/shared/entries/user%2F1", null);

		assertThat(put.statusCode()).isEqualTo(201);
		assertThat(get.statusCode()).isEqualTo(200);
		assertThat(get.body()).isEqualTo("{\"name\":\"Ada\"}");
		assertThat(get.headers().firstValue("ETag")).isEqualTo(put.headers().firstValue("ETag")).isPresent();
	}

	@Test
	void tagRemovalReachesBothReplicas() {
		send(first, "PUT", "/v1/caches/shared/entries/a?tag=team", "a");
		send(second, "PUT", "/v1/caches/shared/entries/b?tag=team", "b");

		HttpResponse<String> removed = send(first, "DELETE", "/v1/caches/shared/tags/team", null);

		assertThat(removed.body()).isEqualTo("{\"removed\":2}");
		for (ConfigurableApplicationContext replica : new ConfigurableApplicationContext[] { first, second }) {
			assertThat(send(replica, "GET", "/v1/caches/shared/entries/a", null).statusCode()).isEqualTo(404);
			assertThat(send(replica, "GET", "/v1/caches/shared/entries/b", null).statusCode()).isEqualTo(404);
		}
	}

	@Test
	void stoppedRedisFailsFastThenRecovers() {
		send(first, "PUT", "/v1/caches/shared/entries/durable", "kept");
		redis.stopServer();
		try {
			assertFastUnavailable(first, "GET", "/v1/caches/shared/entries/durable");
			assertFastUnavailable(second, "GET", "/v1/caches/shared/entries/durable");
			assertFastUnavailable(second, "PUT", "/v1/caches/shared/entries/other");
			assertThat(send(first, "GET", "/actuator/health/readiness", null).statusCode()).isEqualTo(503);
			assertThat(send(first, "GET", "/actuator/health/liveness", null).statusCode()).isEqualTo(200);
		}
		finally {
			redis.startServer();
		}
		awaitRead(first, "/v1/caches/shared/entries/durable", "kept");
		awaitRead(second, "/v1/caches/shared/entries/durable", "kept");
		assertThat(send(first, "GET", "/actuator/health/readiness", null).statusCode()).isEqualTo(200);
	}

	@Test
	void frozenRedisFailsFastThenRecovers() {
		send(first, "PUT", "/v1/caches/shared/entries/frozen", "thawed");
		redis.pause();
		try {
			assertFastUnavailable(first, "GET", "/v1/caches/shared/entries/frozen");
			assertFastUnavailable(second, "PUT", "/v1/caches/shared/entries/other");
			assertFastUnavailable(second, "DELETE", "/v1/caches/shared/tags/team");
		}
		finally {
			redis.unpause();
		}
		awaitRead(first, "/v1/caches/shared/entries/frozen", "thawed");
		awaitRead(second, "/v1/caches/shared/entries/frozen", "thawed");
	}

	private void assertFastUnavailable(ConfigurableApplicationContext replica, String method, String path) {
		long start = System.nanoTime();
		HttpResponse<String> response = send(replica, method, path, method.equals("PUT") ? "v" : null);
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

		assertThat(response.statusCode()).as("%s %s while Redis is away", method, path).isEqualTo(503);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("\"title\":\"Store unavailable\"");
		assertThat(elapsed).as("time to answer %s %s", method, path).isLessThan(FAST_FAILURE);
	}

	private void awaitRead(ConfigurableApplicationContext replica, String path, String expected) {
		await().atMost(RECOVERY)
			.pollInterval(Duration.ofMillis(200))
			.untilAsserted(() -> assertThat(send(replica, "GET", path, null).body()).isEqualTo(expected));
	}

	private HttpResponse<String> send(ConfigurableApplicationContext replica, String method, String path, String body) {
		String port = replica.getEnvironment().getProperty("local.server.port");
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(5))
			.method(method, (body != null) ? BodyPublishers.ofString(body) : BodyPublishers.noBody())
			.build();
		try {
			return this.http.send(request, BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Request " + method + " " + path + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted during " + method + " " + path, ex);
		}
	}

}
