package io.cachepair.api.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The cache-service jar running as a separate process on a free loopback port.
 * <p>
 * The jar's path comes from the system property {@value #JAR_PROPERTY}, which the build
 * sets to the jar that the cache-service module packages before this module's end-to-end
 * tests run.
 */
public final class CacheServiceProcess implements AutoCloseable {

	public static final String JAR_PROPERTY = "cachepair.cache-service.jar";

	private static final Duration START_LIMIT = Duration.ofSeconds(90);

	private static final Duration STOP_LIMIT = Duration.ofSeconds(20);

	private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

	/**
	 * Directory of the processes' output, under the module's build directory, which is
	 * the working directory of tests run by Maven.
	 */
	private static final Path LOG_DIRECTORY = Path.of("target", "cache-service-logs");

	private final Process process;

	private final URI baseUrl;

	private final Path log;

	private CacheServiceProcess(Process process, URI baseUrl, Path log) {
		this.process = process;
		this.baseUrl = baseUrl;
		this.log = log;
	}

	/**
	 * Starts the cache-service and waits until it reports itself ready.
	 * @return the running cache-service
	 * @throws IllegalStateException if the jar is missing, or the process exits or is not
	 * ready within 90 seconds
	 */
	public static CacheServiceProcess start() {
		Path jar = jar();
		int port = freePort();
		try {
			Path log = Files.createDirectories(LOG_DIRECTORY).resolve("cache-service-" + port + ".log");
			List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
					jar.toString(), "--server.address=127.0.0.1", "--server.port=" + port);
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			CacheServiceProcess started = new CacheServiceProcess(process, URI.create("http://127.0.0.1:" + port), log);
			started.awaitReady();
			return started;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Starting the cache-service from " + jar + " failed", ex);
		}
	}

	public URI baseUrl() {
		return this.baseUrl;
	}

	/**
	 * Stops the process, forcibly if it has not exited after 20 seconds.
	 */
	public void stop() {
		if (!this.process.isAlive()) {
			return;
		}
		this.process.destroy();
		try {
			if (!this.process.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
	}

	@Override
	public void close() {
		stop();
	}

	private static Path jar() {
		String property = System.getProperty(JAR_PROPERTY);
		if (property == null || !Files.isRegularFile(Path.of(property))) {
			throw new IllegalStateException("Missing cache-service jar '" + property + "' (system property "
					+ JAR_PROPERTY + "). Build it first with: ./mvnw -pl cache-service package -DskipTests");
		}
		return Path.of(property);
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Finding a free loopback port failed", ex);
		}
	}

	private void awaitReady() {
		URI readiness = this.baseUrl.resolve("/actuator/health/readiness");
		Instant deadline = Instant.now().plus(START_LIMIT);
		try (HttpClient client = HttpClient.newHttpClient()) {
			while (!isReady(client, readiness)) {
				if (!this.process.isAlive() || Instant.now().isAfter(deadline)) {
					stop();
					throw new IllegalStateException("Cache-service was not ready within " + START_LIMIT
							+ " or exited; see its output in " + this.log);
				}
				pause();
			}
		}
	}

	/**
	 * Pauses between readiness checks, so that polling leaves the CPU to the starting
	 * process.
	 */
	private static void pause() {
		try {
			Thread.sleep(POLL_INTERVAL);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the cache-service", ex);
		}
	}

	private static boolean isReady(HttpClient client, URI readiness) {
		try {
			HttpRequest request = HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(2)).build();
			return client.send(request, BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException ex) {
			// Refused or timed out, because the service is still starting.
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the cache-service", ex);
		}
	}

}
