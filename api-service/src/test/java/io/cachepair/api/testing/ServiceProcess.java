package io.cachepair.api.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A service jar running as a separate process on a loopback port, which tests can pause,
 * resume, terminate and kill with signals.
 * <p>
 * The process's output goes to a file under the module's build directory, which is the
 * working directory of tests run by Maven.
 */
public final class ServiceProcess implements AutoCloseable {

	private static final Duration START_LIMIT = Duration.ofSeconds(90);

	private static final Duration STOP_LIMIT = Duration.ofSeconds(20);

	private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

	private static final Path LOG_DIRECTORY = Path.of("target", "service-logs");

	private final String name;

	private final Process process;

	private final int port;

	private final Path log;

	private volatile boolean paused;

	private ServiceProcess(String name, Process process, int port, Path log) {
		this.name = name;
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/**
	 * Starts a service jar on {@code 127.0.0.1} and waits until it reports itself ready.
	 * @param name the service's name, for messages and the log file
	 * @param jar the executable jar
	 * @param port the port to listen on
	 * @param arguments further command-line arguments, such as {@code --name=value}
	 * properties
	 * @return the running service
	 * @throws IllegalStateException if the process exits or is not ready within 90
	 * seconds
	 */
	public static ServiceProcess start(String name, Path jar, int port, List<String> arguments) {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(),
						"--server.address=127.0.0.1", "--server.port=" + port));
		command.addAll(arguments);
		try {
			Path log = Files.createDirectories(LOG_DIRECTORY)
				.resolve(name + "-" + port + "-" + System.currentTimeMillis() + ".log");
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			ServiceProcess started = new ServiceProcess(name, process, port, log);
			started.awaitReady();
			return started;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Starting " + name + " from " + jar + " failed", ex);
		}
	}

	/**
	 * Returns the path of a service jar that the build passes in a system property.
	 * @param property the system property
	 * @param module the module that packages the jar, for the error message
	 * @return the jar
	 * @throws IllegalStateException if the property is missing or names no file
	 */
	public static Path jar(String property, String module) {
		String path = System.getProperty(property);
		if (path == null || !Files.isRegularFile(Path.of(path))) {
			throw new IllegalStateException("Missing " + module + " jar '" + path + "' (system property " + property
					+ "). Build it first with: ./mvnw -pl " + module + " -am package -DskipTests");
		}
		return Path.of(path);
	}

	/**
	 * Returns a loopback port that nothing listened on a moment ago.
	 */
	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Finding a free loopback port failed", ex);
		}
	}

	public URI baseUrl() {
		return URI.create("http://127.0.0.1:" + this.port);
	}

	public int port() {
		return this.port;
	}

	/**
	 * Freezes the process with {@code SIGSTOP}: its sockets stay open and the kernel
	 * still accepts connections, but nothing responds.
	 */
	public void pause() {
		signal("STOP");
		this.paused = true;
	}

	/**
	 * Lets a paused process run again with {@code SIGCONT}.
	 */
	public void resume() {
		signal("CONT");
		this.paused = false;
	}

	/**
	 * Sends {@code SIGTERM}, which starts the service's graceful shutdown, without
	 * waiting for the process to exit.
	 */
	public void terminate() {
		this.process.destroy();
	}

	/**
	 * Kills the process with {@code SIGKILL} and waits until it is gone.
	 */
	public void kill() {
		this.process.destroyForcibly();
		awaitExit(STOP_LIMIT);
	}

	/**
	 * Waits for the process to exit.
	 * @param limit the longest wait
	 * @return whether it exited within the limit
	 */
	public boolean awaitExit(Duration limit) {
		try {
			return this.process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	/**
	 * Returns the exit code of a process that has exited.
	 */
	public int exitValue() {
		return this.process.exitValue();
	}

	/**
	 * Returns everything the process has written to its output so far.
	 */
	public String output() {
		try {
			return Files.readString(this.log, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Reading the output of " + this.name + " failed", ex);
		}
	}

	public Path log() {
		return this.log;
	}

	/**
	 * Stops the process with {@code SIGTERM}, resuming it first if it is paused, and
	 * kills it if it has not exited after 20 seconds.
	 */
	public void stop() {
		if (!this.process.isAlive()) {
			return;
		}
		if (this.paused) {
			resume();
		}
		this.process.destroy();
		if (!awaitExit(STOP_LIMIT)) {
			kill();
		}
	}

	@Override
	public void close() {
		stop();
	}

	private void signal(String signal) {
		try {
			Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(this.process.pid())).inheritIO()
				.start();
			if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
				throw new IllegalStateException("Sending SIG" + signal + " to " + this.name + " failed");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Running kill -" + signal + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while sending SIG" + signal, ex);
		}
	}

	private void awaitReady() {
		URI readiness = baseUrl().resolve("/actuator/health/readiness");
		Instant deadline = Instant.now().plus(START_LIMIT);
		try (HttpClient client = HttpClient.newHttpClient()) {
			while (!isReady(client, readiness)) {
				if (!this.process.isAlive() || Instant.now().isAfter(deadline)) {
					stop();
					throw new IllegalStateException(this.name + " was not ready within " + START_LIMIT
							+ " or exited; see its output in " + this.log);
				}
				pause(POLL_INTERVAL);
			}
		}
	}

	/**
	 * Pauses between readiness checks, so that polling leaves the CPU to the starting
	 * process.
	 */
	private static void pause(Duration interval) {
		try {
			Thread.sleep(interval);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for a service to start", ex);
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
			throw new IllegalStateException("Interrupted while waiting for a service to start", ex);
		}
	}

}
