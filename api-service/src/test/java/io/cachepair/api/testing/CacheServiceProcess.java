package io.cachepair.api.testing;

import java.net.URI;
import java.util.List;

/**
 * The cache-service jar running as a separate process on a loopback port.
 * <p>
 * The jar's path comes from the system property {@value #JAR_PROPERTY}, which the build
 * sets to the jar that the cache-service module packages before this module's end-to-end
 * tests run.
 */
public final class CacheServiceProcess implements AutoCloseable {

	public static final String JAR_PROPERTY = "cachepair.cache-service.jar";

	private final ServiceProcess process;

	private CacheServiceProcess(ServiceProcess process) {
		this.process = process;
	}

	/**
	 * Starts the cache-service on a free port and waits until it reports itself ready.
	 * @return the running cache-service
	 * @throws IllegalStateException if the jar is missing, or the process exits or is not
	 * ready within 90 seconds
	 */
	public static CacheServiceProcess start() {
		return start(ServiceProcess.freePort());
	}

	/**
	 * Starts the cache-service on the given port, such as the port of an earlier run that
	 * was killed, and waits until it reports itself ready.
	 * @param port the port
	 * @param arguments further command-line arguments, such as {@code --name=value}
	 * properties
	 * @return the running cache-service
	 */
	public static CacheServiceProcess start(int port, String... arguments) {
		return new CacheServiceProcess(ServiceProcess.start("cache-service",
				ServiceProcess.jar(JAR_PROPERTY, "cache-service"), port, List.of(arguments)));
	}

	public URI baseUrl() {
		return this.process.baseUrl();
	}

	/**
	 * Returns the process, for tests that pause, kill or terminate it.
	 */
	public ServiceProcess process() {
		return this.process;
	}

	/**
	 * Stops the process, forcibly if it has not exited after 20 seconds.
	 */
	public void stop() {
		this.process.stop();
	}

	@Override
	public void close() {
		stop();
	}

}
