package io.cachepair.api.shutdown;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.cachepair.api.shutdown.KeepAliveLoad.Kind;
import io.cachepair.api.shutdown.KeepAliveLoad.Outcome;
import io.cachepair.api.testing.CacheServiceProcess;
import io.cachepair.api.testing.HttpTestClient;
import io.cachepair.api.testing.RawHttpResponse;
import io.cachepair.api.testing.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.cachepair.api.testing.HttpTestClient.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stops each service with {@code SIGTERM} while it is under load over keep-alive
 * connections and has uploads in progress, and checks that it finishes every request it
 * took in with its normal response before the process ends.
 * <p>
 * On {@code SIGTERM}, Spring Boot's graceful shutdown closes the listening socket, stops
 * Tomcat from reading new requests on open connections and waits for the requests in
 * progress. A request that fails during the shutdown therefore either never reached the
 * service, or reached only the kernel's socket buffer of a connection that Tomcat then
 * closed unread. The test distinguishes these from dropped requests in two ways:
 * <ul>
 * <li>a refused connection carried no request, and a connection that ended before any
 * byte of a response must belong to a request that the service's access log, written by
 * Tomcat for every request it handled, does not list;</li>
 * <li>a response that starts but does not end, a timeout, a 5xx, or a logged request
 * without a response counts as dropped.</li>
 * </ul>
 * The uploads prove that requests in progress are waited for: each has received Tomcat's
 * {@code 100 Continue} and sent half its body before the signal, and sends the rest only
 * after the listener has been seen closed.
 */
class GracefulShutdownIT {

	private static final Duration EXIT_LIMIT = Duration.ofSeconds(40);

	private static final int UPLOADS = 3;

	private static final int PRODUCTS = 200;

	@TempDir
	private Path accessLogs;

	@Test
	void cacheServiceFinishesEveryRequestItTookIn() throws IOException {
		int port = ServiceProcess.freePort();
		ServiceProcess cacheService = ServiceProcess.start("cache-service",
				ServiceProcess.jar(CacheServiceProcess.JAR_PROPERTY, "cache-service"), port, accessLog());
		try {
			try (HttpTestClient client = new HttpTestClient(cacheService.baseUrl())) {
				for (int i = 0; i < 100; i++) {
					client.put("/v1/caches/shutdown/entries/key-" + i, "{\"value\":" + i + "}");
				}
			}
			List<Uploaded> uploads = new ArrayList<>();
			for (int i = 0; i < UPLOADS; i++) {
				uploads.add(new Uploaded("PUT", "/v1/caches/shutdown/entries/slow-" + i, "text/plain",
						"a value uploaded during the shutdown, number " + i, 201));
			}

			ShutdownRun run = stopUnderLoad(cacheService, uploads, GracefulShutdownIT::cacheRequest);

			run.assertNothingDropped(readAccessLog());
			for (int i = 0; i < UPLOADS; i++) {
				assertThat(run.uploadResponses().get(i).header("ETag")).as("ETag of upload %d", i).isNotBlank();
			}
		}
		finally {
			cacheService.stop();
		}
	}

	@Test
	void apiServiceFinishesEveryRequestItTookIn() throws IOException {
		try (CacheServiceProcess cacheService = CacheServiceProcess.start()) {
			int port = ServiceProcess.freePort();
			List<String> arguments = new ArrayList<>(accessLog());
			arguments.add("--cachepair.cache-client.base-url=" + cacheService.baseUrl());
			arguments.add("--cachepair.catalog.sample.size=" + PRODUCTS);
			ServiceProcess apiService = ServiceProcess.start("api-service",
					ServiceProcess.jar("cachepair.api-service.jar", "api-service"), port, arguments);
			try {
				List<Uploaded> uploads = List.of(
						new Uploaded("POST", "/api/v1/products", "application/json", product("SHUTDOWN-1"), 201),
						new Uploaded("POST", "/api/v1/products", "application/json", product("SHUTDOWN-2"), 201),
						new Uploaded("PUT", "/api/v1/products/5", "application/json", product("SHUTDOWN-5"), 200));

				ShutdownRun run = stopUnderLoad(apiService, uploads, GracefulShutdownIT::productRead);

				run.assertNothingDropped(readAccessLog());
				assertThat(run.uploadResponses().get(0).text()).contains("\"sku\":\"SHUTDOWN-1\"");
				assertThat(run.uploadResponses().get(2).text()).contains("\"sku\":\"SHUTDOWN-5\"");
				assertReplaceInvalidatedTheCache(cacheService);
			}
			finally {
				apiService.stop();
			}
		}
	}

	/**
	 * Runs the load, starts the uploads, sends {@code SIGTERM}, waits until the listener
	 * is closed, finishes the uploads and waits for the process to exit.
	 */
	private static ShutdownRun stopUnderLoad(ServiceProcess service, List<Uploaded> uploads,
			BiFunction<Long, Random, String> requests) throws IOException {
		try (KeepAliveLoad load = KeepAliveLoad.start(service.port(), 6, Duration.ofMillis(10), requests)) {
			hold(Duration.ofSeconds(1));
			List<SlowUpload> inProgress = new ArrayList<>();
			for (Uploaded upload : uploads) {
				inProgress.add(SlowUpload.start(service.port(), upload.method(), upload.path(), upload.contentType(),
						upload.body()));
			}
			Duration signalled = load.elapsed();
			service.terminate();
			awaitListenerClosed(service.port());
			List<RawHttpResponse> responses = new ArrayList<>();
			for (SlowUpload upload : inProgress) {
				try (upload) {
					responses.add(upload.finish());
				}
			}
			boolean exited = service.awaitExit(EXIT_LIMIT);
			List<Outcome> outcomes = load.stop();
			assertThat(exited).as("process exited within " + EXIT_LIMIT).isTrue();
			return new ShutdownRun(service, uploads, responses, outcomes, signalled);
		}
	}

	/**
	 * Waits until a new connection is refused, which shows that the service has closed
	 * its listening socket and is shutting down.
	 */
	private static void awaitListenerClosed(int port) {
		Instant deadline = Instant.now().plusSeconds(20);
		while (Instant.now().isBefore(deadline)) {
			try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
				assertThat(socket.isConnected()).isTrue();
				hold(Duration.ofMillis(20));
			}
			catch (ConnectException ex) {
				return;
			}
			catch (IOException ex) {
				hold(Duration.ofMillis(20));
			}
		}
		throw new AssertionError("The service still accepted connections 20 s after SIGTERM");
	}

	private static void assertReplaceInvalidatedTheCache(CacheServiceProcess cacheService) {
		try (HttpTestClient cache = new HttpTestClient(cacheService.baseUrl())) {
			HttpResponse<byte[]> entry = cache.get("/v1/caches/products/entries/5");

			assertThat(entry.statusCode()).as(text(entry)).isEqualTo(200);
			assertThat(entry.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/vnd.cachepair.tombstone"));
		}
	}

	/**
	 * Returns the command-line arguments that make Tomcat write one line per handled
	 * request, its {@code X-Request-Id} and status, to a file of its own.
	 */
	private List<String> accessLog() {
		return List.of("--server.tomcat.accesslog.enabled=true",
				"--server.tomcat.accesslog.directory=" + this.accessLogs.toAbsolutePath(),
				"--server.tomcat.accesslog.prefix=access", "--server.tomcat.accesslog.suffix=.log",
				"--server.tomcat.accesslog.rotate=false", "--server.tomcat.accesslog.buffered=false",
				"--server.tomcat.accesslog.pattern=%{X-Request-Id}i %s");
	}

	/**
	 * Returns the status that the access log records for each request id.
	 */
	private Map<Long, Integer> readAccessLog() throws IOException {
		Map<Long, Integer> statuses = new HashMap<>();
		for (String line : Files.readAllLines(this.accessLogs.resolve("access.log"))) {
			String[] fields = line.split(" ");
			if (!fields[0].equals("-")) {
				statuses.put(Long.parseLong(fields[0]), Integer.parseInt(fields[1]));
			}
		}
		return statuses;
	}

	private static String cacheRequest(long id, Random random) {
		String key = "key-" + random.nextInt(120);
		if (random.nextInt(10) == 0) {
			String value = "{\"value\":" + id + "}";
			return "PUT /v1/caches/shutdown/entries/" + key + " HTTP/1.1\r\nHost: localhost\r\nX-Request-Id: " + id
					+ "\r\nContent-Type: application/json\r\nContent-Length: " + value.length() + "\r\n\r\n" + value;
		}
		return "GET /v1/caches/shutdown/entries/" + key + " HTTP/1.1\r\nHost: localhost\r\nX-Request-Id: " + id
				+ "\r\n\r\n";
	}

	private static String productRead(long id, Random random) {
		return "GET /api/v1/products/" + (1 + random.nextInt(PRODUCTS))
				+ " HTTP/1.1\r\nHost: localhost\r\nX-Request-Id: " + id + "\r\n\r\n";
	}

	private static String product(String sku) {
		return """
				{"sku":"%s","name":"Lumen Air Kettle","price":24.90,"currency":"EUR","category":"kitchen","stock":5}"""
			.formatted(sku);
	}

	private static void hold(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while the load ran", ex);
		}
	}

	/**
	 * An upload to keep in progress across the signal, and the status it must get.
	 */
	private record Uploaded(String method, String path, String contentType, String body, int expectedStatus) {

	}

	/**
	 * What happened during one shutdown under load.
	 *
	 * @param service the stopped service
	 * @param uploads the uploads that were in progress at the signal
	 * @param uploadResponses their responses, in the same order
	 * @param outcomes the outcome of every request of the load
	 * @param signalled when {@code SIGTERM} was sent, since the load started
	 */
	private record ShutdownRun(ServiceProcess service, List<Uploaded> uploads, List<RawHttpResponse> uploadResponses,
			List<Outcome> outcomes, Duration signalled) {

		void assertNothingDropped(Map<Long, Integer> accessLog) {
			System.out.println(summary());
			assertThat(this.service.exitValue()).as("exit code after SIGTERM and the shutdown hooks").isEqualTo(143);
			assertThat(this.service.output()).contains("Graceful shutdown complete");
			for (int i = 0; i < this.uploads.size(); i++) {
				assertThat(this.uploadResponses.get(i).status())
					.as("upload %d: %s", i, this.uploadResponses.get(i).text())
					.isEqualTo(this.uploads.get(i).expectedStatus());
			}
			assertThat(this.outcomes.stream()
				.filter((outcome) -> outcome.startNanos() < this.signalled.toNanos())
				.filter((outcome) -> outcome.kind() == Kind.COMPLETE)
				.count()).as("complete responses before the signal").isPositive();
			assertThat(select((outcome) -> outcome.kind() == Kind.TRUNCATED || outcome.kind() == Kind.TIMEOUT
					|| outcome.kind() == Kind.CONNECT_FAILED))
				.as("truncated, timed-out or failed connections")
				.isEmpty();
			assertThat(select((outcome) -> outcome.kind() == Kind.COMPLETE && outcome.status() >= 500))
				.as("server errors")
				.isEmpty();
			assertThat(select((outcome) -> outcome.kind() == Kind.COMPLETE
					&& !Integer.valueOf(outcome.status()).equals(accessLog.get(outcome.id()))))
				.as("responses that the access log does not record with the same status")
				.isEmpty();
			assertThat(select((outcome) -> outcome.kind() == Kind.UNANSWERED && accessLog.containsKey(outcome.id())))
				.as("requests that the service handled but whose response never arrived")
				.isEmpty();
			assertThat(select((outcome) -> outcome.kind() == Kind.REFUSED || outcome.kind() == Kind.UNANSWERED))
				.as("requests turned away during the shutdown, which show that the load outlasted the listener")
				.isNotEmpty();
		}

		private List<Outcome> select(Predicate<Outcome> condition) {
			return this.outcomes.stream().filter(condition).limit(10).toList();
		}

		private String summary() {
			Map<String, Long> kinds = this.outcomes.stream()
				.collect(Collectors.groupingBy(
						(outcome) -> outcome.kind() + ((outcome.kind() == Kind.COMPLETE) ? " " + outcome.status() : ""),
						TreeMap::new, Collectors.counting()));
			return "Graceful shutdown under load: " + this.outcomes.size() + " outcomes " + kinds + ", uploads "
					+ this.uploadResponses.stream().map(RawHttpResponse::status).toList();
		}

	}

}
