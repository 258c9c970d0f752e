package io.cachepair.api.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import io.cachepair.api.testing.CacheServiceProcess;
import io.cachepair.api.testing.DelayingProxy;
import io.cachepair.api.testing.HttpTestClient;
import io.cachepair.api.testing.ServiceProcess;
import io.cachepair.api.testing.SteadyLoad;
import io.cachepair.api.testing.SteadyLoad.Sample;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Breaks the cache-service while the api-service is under steady read load: kills it with
 * {@code SIGKILL} and starts it again, freezes it with {@code SIGSTOP} and
 * {@code SIGCONT}, and slows it with a proxy that holds back its responses. Every read
 * must still get 200 from the database. The 99th percentile latency must stay within the
 * cache-service request timeout plus an allowance for the database and this machine.
 * Reads must be cache hits again within seconds of the cache-service's recovery.
 * <p>
 * The api-service runs in this JVM with its default cache client settings and reaches the
 * cache-service through a {@link DelayingProxy}. Without a delay the proxy only forwards,
 * and it resets connections while the cache-service is down, as a refused connection
 * would fail at once.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class CacheServiceFaultIT {

	/**
	 * The api-service's default {@code cachepair.cache-client.request-timeout}.
	 */
	private static final Duration CACHE_TIMEOUT = Duration.ofMillis(500);

	/**
	 * Allowance for the database load after a failed cache call, and for a busy machine
	 * on which the test, the api-service and a starting cache-service share two cores.
	 */
	private static final Duration DATABASE_ALLOWANCE = Duration.ofMillis(500);

	/**
	 * The breaker's default open duration of 5 s before its trial call, and 5 s of
	 * margin.
	 */
	private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(10);

	private static final Duration WARM_UP = Duration.ofSeconds(2);

	private static final Duration FAULT = Duration.ofSeconds(6);

	private static int cachePort;

	private static CacheServiceProcess cacheService;

	private static DelayingProxy proxy;

	@LocalServerPort
	private int port;

	@BeforeAll
	static void startCacheService() throws IOException {
		cachePort = ServiceProcess.freePort();
		cacheService = CacheServiceProcess.start(cachePort);
		proxy = DelayingProxy.start(cachePort);
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("cachepair.cache-client.base-url", () -> proxy.baseUrl().toString());
		registry.add("cachepair.catalog.sample.size", () -> "1000");
	}

	@AfterAll
	static void stopCacheService() throws IOException {
		proxy.close();
		cacheService.stop();
	}

	@BeforeEach
	void cacheServiceServesHits() {
		proxy.delayResponses(Duration.ZERO);
		if (!cacheService.process().isAlive()) {
			cacheService = CacheServiceProcess.start(cachePort);
		}
		awaitHit();
	}

	@Test
	void killedCacheServiceFailsNoRead() {
		try (SteadyLoad load = startLoad()) {
			hold(WARM_UP);
			Duration faultStart = load.elapsed();
			cacheService.process().kill();
			hold(FAULT);
			cacheService = CacheServiceProcess.start(cachePort);
			Duration recovered = load.elapsed();

			assertRecovery("cache-service killed", load, faultStart, recovered);
		}
	}

	@Test
	void pausedCacheServiceFailsNoRead() {
		try (SteadyLoad load = startLoad()) {
			hold(WARM_UP);
			Duration faultStart = load.elapsed();
			cacheService.process().pause();
			hold(FAULT);
			cacheService.process().resume();
			Duration recovered = load.elapsed();

			assertRecovery("cache-service paused", load, faultStart, recovered);
		}
	}

	@Test
	void cacheServiceSlowerThanTimeoutFailsNoRead() {
		try (SteadyLoad load = startLoad()) {
			hold(WARM_UP);
			Duration faultStart = load.elapsed();
			proxy.delayResponses(Duration.ofMillis(1500));
			hold(FAULT);
			proxy.delayResponses(Duration.ZERO);
			Duration recovered = load.elapsed();

			assertRecovery("cache-service 1500 ms slow", load, faultStart, recovered);
		}
	}

	/**
	 * A cache-service that responds within the timeout but slower than the breaker's slow
	 * call threshold of 250 ms opens the breaker too, so reads bypass it instead of
	 * paying its delay on every hit and twice on every miss.
	 */
	@Test
	void cacheServiceSlowerThanThresholdFailsNoRead() {
		try (SteadyLoad load = startLoad()) {
			hold(WARM_UP);
			Duration faultStart = load.elapsed();
			proxy.delayResponses(Duration.ofMillis(400));
			hold(FAULT);
			proxy.delayResponses(Duration.ZERO);
			Duration recovered = load.elapsed();

			assertRecovery("cache-service 400 ms slow", load, faultStart, recovered);
		}
	}

	private SteadyLoad startLoad() {
		SteadyLoad.Settings settings = new SteadyLoad.Settings(URI.create("http://127.0.0.1:" + this.port), 8,
				Duration.ofMillis(20), Duration.ofSeconds(10), Duration.ofSeconds(90), 50_000, 20261204L);
		return SteadyLoad.start(settings, CacheServiceFaultIT::readPath);
	}

	/**
	 * Returns a product read over 300 ids, or one time in ten a page read over ten pages,
	 * so that most reads are hits while the cache-service is up.
	 */
	private static String readPath(Random random) {
		if (random.nextInt(10) == 0) {
			return "/api/v1/products?size=10&page=" + random.nextInt(10);
		}
		return "/api/v1/products/" + (1 + random.nextInt(300));
	}

	/**
	 * Keeps the load running until a read started after the recovery is a hit, for at
	 * most the recovery limit and 5 s more, then checks the run from the fault on.
	 */
	private static void assertRecovery(String fault, SteadyLoad load, Duration faultStart, Duration recovered) {
		Instant deadline = Instant.now().plus(RECOVERY_LIMIT).plusSeconds(5);
		while (SteadyLoad.first(load.samples(), "HIT", recovered).isEmpty() && Instant.now().isBefore(deadline)) {
			hold(Duration.ofMillis(100));
		}
		hold(Duration.ofSeconds(1));
		List<Sample> samples = load.stop();
		LoadReport report = LoadReport.since(fault, samples, faultStart);
		Optional<Sample> firstHit = SteadyLoad.first(samples, "HIT", recovered);
		System.out
			.println(report.summary() + ", fault lasted " + recovered.minus(faultStart).toMillis() + " ms, first hit "
					+ firstHit.map((hit) -> hit.start().minus(recovered).toMillis() + " ms").orElse("never")
					+ " after recovery");

		List<Sample> failed = report.withStatusOtherThan(200);
		assertThat(failed).as(() -> LoadReport.describe(failed)).isEmpty();
		assertThat(report.countCacheStatus("BYPASS")).as("reads that bypassed the cache-service").isPositive();
		assertThat(report.percentile(99)).as("99th percentile latency")
			.isLessThanOrEqualTo(CACHE_TIMEOUT.plus(DATABASE_ALLOWANCE));
		assertThat(firstHit).as("a hit after recovery").isPresent();
		assertThat(firstHit.get().start().minus(recovered)).as("time from recovery to the first hit")
			.isLessThanOrEqualTo(RECOVERY_LIMIT);
	}

	private void awaitHit() {
		Instant deadline = Instant.now().plus(RECOVERY_LIMIT).plusSeconds(10);
		try (HttpTestClient api = new HttpTestClient(URI.create("http://127.0.0.1:" + this.port))) {
			while (Instant.now().isBefore(deadline)) {
				HttpResponse<byte[]> read = api.get("/api/v1/products/1");
				if (read.headers().firstValue("X-Cache").orElse("").equals("HIT")) {
					return;
				}
				hold(Duration.ofMillis(100));
			}
		}
		throw new AssertionError("Reads did not become cache hits within " + RECOVERY_LIMIT.plusSeconds(10));
	}

	/**
	 * Lets the load run for a while, which is how long a fault or a phase lasts.
	 */
	private static void hold(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while the load ran", ex);
		}
	}

}
