package io.cachepair.api.faults;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import javax.sql.DataSource;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.cachepair.api.RequiresDocker;
import io.cachepair.api.testing.FakeCacheServer;
import io.cachepair.api.testing.HttpTestClient;
import io.cachepair.api.testing.ServiceProcess;
import io.cachepair.api.testing.SteadyLoad;
import io.cachepair.api.testing.SteadyLoad.Sample;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.cachepair.api.testing.HttpTestClient.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Takes the catalog's PostgreSQL away while the api-service is under steady read load:
 * freezes its container with {@code docker pause}, and kills it and starts it again.
 * Meanwhile every read gets either its product from the cache-service or a 503 problem
 * with {@code Retry-After}, none waits longer than the driver's socket timeout plus the
 * pool's connection timeout, and no request thread is left waiting on the database.
 * Afterwards reads that need the database succeed again without a restart.
 * <p>
 * The container gets a fixed host port, so that the api-service finds it again after a
 * restart. The cache-service is a {@link FakeCacheServer}, because these faults concern
 * only the database.
 */
@RequiresDocker
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class DatabaseFaultIT {

	/**
	 * The 10 s socket timeout of the PostgreSQL driver, the 2 s that a request waits for
	 * a pooled connection, and 3 s of margin for a busy machine.
	 */
	private static final Duration MAX_REQUEST_TIME = Duration.ofSeconds(15);

	/**
	 * Longer than the longest request may take, so that a request that waits for the
	 * database until it comes back fails the test.
	 */
	private static final Duration PAUSE = MAX_REQUEST_TIME.plusSeconds(3);

	private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(30);

	private static final int PRODUCTS = 300;

	private static final int CACHED_PRODUCTS = 50;

	private static int postgresPort;

	private static PostgreSQLContainer postgres;

	private static FakeCacheServer cacheServer;

	@LocalServerPort
	private int port;

	@Autowired
	private DataSource dataSource;

	@BeforeAll
	static void startPostgresAndCacheServer() throws IOException {
		postgresPort = ServiceProcess.freePort();
		postgres = new PostgreSQLContainer(DockerImageName.parse("postgres:16"));
		postgres.setPortBindings(List.of(postgresPort + ":5432"));
		postgres.start();
		cacheServer = FakeCacheServer.start();
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", DatabaseFaultIT::jdbcUrl);
		registry.add("spring.datasource.username", () -> postgres.getUsername());
		registry.add("spring.datasource.password", () -> postgres.getPassword());
		registry.add("cachepair.catalog.sample.size", () -> Integer.toString(PRODUCTS));
		registry.add("cachepair.cache-client.base-url", () -> cacheServer.baseUrl().toString());
	}

	@AfterAll
	static void stopPostgresAndCacheServer() {
		cacheServer.close();
		postgres.stop();
	}

	@BeforeEach
	void productsAreCached() {
		try (HttpTestClient api = api()) {
			for (int id = 1; id <= CACHED_PRODUCTS; id++) {
				assertThat(api.get("/api/v1/products/" + id).statusCode()).isEqualTo(200);
			}
		}
	}

	@Test
	void pausedDatabaseGivesServiceUnavailableAndRecovers() {
		String container = postgres.getContainerId();
		try (SteadyLoad load = startLoad()) {
			hold(Duration.ofSeconds(2));
			Duration faultStart = load.elapsed();
			DockerClientFactory.instance().client().pauseContainerCmd(container).exec();
			hold(PAUSE);
			DockerClientFactory.instance().client().unpauseContainerCmd(container).exec();
			Duration recovered = load.elapsed();

			assertOutageAndRecovery("database paused", load, faultStart, recovered);
		}
	}

	@Test
	void killedDatabaseGivesServiceUnavailableAndRecovers() {
		String container = postgres.getContainerId();
		try (SteadyLoad load = startLoad()) {
			hold(Duration.ofSeconds(2));
			Duration faultStart = load.elapsed();
			DockerClientFactory.instance().client().killContainerCmd(container).exec();
			hold(Duration.ofSeconds(4));
			DockerClientFactory.instance().client().startContainerCmd(container).exec();
			awaitDatabase();
			Duration recovered = load.elapsed();

			assertOutageAndRecovery("database killed", load, faultStart, recovered);
		}
	}

	private SteadyLoad startLoad() {
		SteadyLoad.Settings settings = new SteadyLoad.Settings(URI.create("http://127.0.0.1:" + this.port), 8,
				Duration.ofMillis(20), MAX_REQUEST_TIME.multipliedBy(2), Duration.ofSeconds(120), 50_000, 20261205L);
		return SteadyLoad.start(settings, DatabaseFaultIT::readPath);
	}

	/**
	 * Returns a read of a cached product, of a product that only the database has, or one
	 * time in ten of a page of a search, which always needs the database.
	 */
	private static String readPath(Random random) {
		return switch (random.nextInt(10)) {
			case 0 -> "/api/v1/products?size=5&q=" + random.nextInt(1000);
			case 1, 2, 3, 4 -> "/api/v1/products/" + (CACHED_PRODUCTS + 1 + random.nextInt(PRODUCTS - CACHED_PRODUCTS));
			default -> "/api/v1/products/" + (1 + random.nextInt(CACHED_PRODUCTS));
		};
	}

	/**
	 * Keeps the load running until a read that needs the database succeeds after the
	 * recovery, then checks the run from the fault on.
	 */
	private void assertOutageAndRecovery(String fault, SteadyLoad load, Duration faultStart, Duration recovered) {
		Instant deadline = Instant.now().plus(RECOVERY_LIMIT);
		while (firstDatabaseRead(load.samples(), recovered) == null && Instant.now().isBefore(deadline)) {
			hold(Duration.ofMillis(100));
		}
		hold(Duration.ofSeconds(1));
		List<Sample> samples = load.stop();
		LoadReport report = LoadReport.since(fault, samples, faultStart);
		Sample firstDatabaseRead = firstDatabaseRead(samples, recovered);
		System.out
			.println(report.summary() + ", fault lasted " + recovered.minus(faultStart).toMillis()
					+ " ms, first database read " + ((firstDatabaseRead != null)
							? firstDatabaseRead.start().minus(recovered).toMillis() + " ms" : "never")
					+ " after recovery");

		List<Sample> unexpected = report.withStatusOtherThan(200, 503);
		assertThat(unexpected).as(() -> LoadReport.describe(unexpected)).isEmpty();
		assertThat(report.countStatus(503)).as("reads that got 503").isPositive();
		List<Sample> unclear = report.samples()
			.stream()
			.filter((sample) -> sample.status() == 503)
			.filter((sample) -> !isDatabaseUnavailableProblem(sample))
			.toList();
		assertThat(unclear).as(() -> LoadReport.describe(unclear)).isEmpty();
		assertThat(report.percentile(100)).as("longest request").isLessThanOrEqualTo(MAX_REQUEST_TIME);
		assertThat(firstDatabaseRead).as("a read from the database after recovery").isNotNull();
		assertNoThreadWaitsOnDatabase();
		assertReadsNeedingDatabaseSucceed();
	}

	private static boolean isDatabaseUnavailableProblem(Sample sample) {
		String problem = String.valueOf(sample.failure());
		return problem.startsWith("application/problem+json; Retry-After 2; ")
				&& problem.contains("\"title\":\"Database unavailable\"");
	}

	/**
	 * Returns the first successful read, started after the recovery, that the cache could
	 * not serve, or {@code null}.
	 */
	private static Sample firstDatabaseRead(List<Sample> samples, Duration recovered) {
		return samples.stream()
			.filter((sample) -> sample.startNanos() >= recovered.toNanos() && sample.status() == 200)
			.filter((sample) -> !"HIT".equals(sample.cacheStatus()))
			.min((first, second) -> Long.compare(first.startNanos(), second.startNanos()))
			.orElse(null);
	}

	/**
	 * Checks that the pool has no connection in use and no request waiting for one, and
	 * that no thread, virtual threads included, is inside both the api-service and the
	 * PostgreSQL driver.
	 */
	private void assertNoThreadWaitsOnDatabase() {
		assertThat(this.dataSource).isInstanceOf(HikariDataSource.class);
		HikariPoolMXBean pool = ((HikariDataSource) this.dataSource).getHikariPoolMXBean();
		assertThat(pool.getActiveConnections()).as("connections in use").isZero();
		assertThat(pool.getThreadsAwaitingConnection()).as("threads waiting for a connection").isZero();
		List<String> stuck = Arrays.stream(threadDump().split("\n\n"))
			.filter((thread) -> thread.contains("org.postgresql") && thread.contains("io.cachepair"))
			.toList();
		assertThat(stuck).as("threads of the api-service inside the PostgreSQL driver").isEmpty();
	}

	private void assertReadsNeedingDatabaseSucceed() {
		try (HttpTestClient api = api()) {
			HttpResponse<byte[]> product = api.get("/api/v1/products/" + PRODUCTS);
			HttpResponse<byte[]> search = api.get("/api/v1/products?size=5&q=recovered");

			assertThat(product.statusCode()).as(text(product)).isEqualTo(200);
			assertThat(search.statusCode()).as(text(search)).isEqualTo(200);
		}
	}

	/**
	 * Returns a dump of every thread of this JVM in plain text, one block per thread.
	 * Unlike {@code ThreadMXBean}, it includes virtual threads, on which requests run.
	 */
	private static String threadDump() {
		try {
			Path file = Files.createTempDirectory("thread-dump").resolve("threads.txt");
			ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
				.dumpThreads(file.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.TEXT_PLAIN);
			String dump = Files.readString(file);
			Files.delete(file);
			Files.delete(file.getParent());
			return dump;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Dumping the threads failed", ex);
		}
	}

	/**
	 * Waits until the restarted PostgreSQL accepts connections.
	 */
	private static void awaitDatabase() {
		Instant deadline = Instant.now().plus(RECOVERY_LIMIT);
		while (true) {
			try (Connection connection = DriverManager.getConnection(jdbcUrl(), postgres.getUsername(),
					postgres.getPassword())) {
				if (connection.isValid(1)) {
					return;
				}
			}
			catch (SQLException ex) {
				if (Instant.now().isAfter(deadline)) {
					throw new IllegalStateException("PostgreSQL did not restart within " + RECOVERY_LIMIT, ex);
				}
				hold(Duration.ofMillis(200));
			}
		}
	}

	private static String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + postgres.getDatabaseName();
	}

	private HttpTestClient api() {
		return new HttpTestClient(URI.create("http://127.0.0.1:" + this.port));
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
