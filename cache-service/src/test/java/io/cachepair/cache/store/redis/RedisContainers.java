package io.cachepair.cache.store.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * Redis servers in containers for the tests, from the local {@code redis:7} image, each
 * published on a fixed loopback port so that it keeps its address across a stop and a
 * start.
 */
public final class RedisContainers {

	private static final DockerImageName IMAGE = DockerImageName.parse("redis:7");

	// Cluster bus ports are the client ports plus 10000, so client ports stay below this.
	private static final int MAX_CLUSTER_PORT = 55000;

	private RedisContainers() {
	}

	/**
	 * Creates a single Redis server on a free loopback port, with an append-only file so
	 * that its entries survive a stop and a start of the container.
	 * @return the container, not started
	 */
	public static FixedPortContainer standalone() {
		int port = freePort(65535);
		FixedPortContainer container = new FixedPortContainer(List.of(port));
		container
			.withCommand("redis-server", "--port", Integer.toString(port), "--protected-mode", "no", "--save", "",
					"--appendonly", "yes")
			.waitingFor(Wait.forLogMessage(".*Ready to accept connections.*", 1));
		return container;
	}

	/**
	 * Creates a Redis Cluster of three masters, all in one container, each announcing
	 * itself on 127.0.0.1 with a port that is published under the same number.
	 * @return the container, not started
	 */
	public static FixedPortContainer cluster() {
		List<Integer> ports = new ArrayList<>();
		while (ports.size() < 3) {
			int port = freePort(MAX_CLUSTER_PORT);
			if (!ports.contains(port)) {
				ports.add(port);
			}
		}
		String nodes = ports.stream().map((port) -> "127.0.0.1:" + port).collect(Collectors.joining(" "));
		StringBuilder script = new StringBuilder();
		for (int port : ports) {
			script
				.append("redis-server --port %d --cluster-enabled yes --cluster-config-file nodes-%d.conf "
					.formatted(port, port))
				.append("--cluster-announce-ip 127.0.0.1 --protected-mode no --save '' --appendonly no --daemonize yes; ");
		}
		for (int port : ports) {
			script.append("until redis-cli -p %d ping; do sleep 0.1; done; ".formatted(port));
		}
		script.append("redis-cli --cluster create %s --cluster-replicas 0 --cluster-yes; ".formatted(nodes));
		for (int port : ports) {
			script.append("until redis-cli -p %d cluster info | grep -q cluster_state:ok; do sleep 0.1; done; "
				.formatted(port));
		}
		script.append("echo CLUSTER READY; exec sleep infinity");
		FixedPortContainer container = new FixedPortContainer(ports);
		container.withCommand("sh", "-c", script.toString())
			.waitingFor(Wait.forLogMessage(".*CLUSTER READY.*", 1).withStartupTimeout(Duration.ofSeconds(60)));
		return container;
	}

	private static int freePort(int below) {
		for (int attempt = 0; attempt < 100; attempt++) {
			try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
				if (socket.getLocalPort() < below) {
					return socket.getLocalPort();
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Failed to find a free loopback port", ex);
			}
		}
		throw new IllegalStateException("Found no free loopback port below " + below + " in 100 attempts");
	}

	/**
	 * A Redis container whose ports are published on loopback under their own numbers.
	 */
	public static final class FixedPortContainer extends GenericContainer<FixedPortContainer> {

		private final List<Integer> ports;

		FixedPortContainer(List<Integer> ports) {
			super(IMAGE);
			this.ports = List.copyOf(ports);
			withCreateContainerCmdModifier((command) -> {
				List<PortBinding> bindings = new ArrayList<>();
				List<ExposedPort> exposed = new ArrayList<>();
				for (int port : this.ports) {
					exposed.add(ExposedPort.tcp(port));
					bindings
						.add(new PortBinding(Ports.Binding.bindIpAndPort("127.0.0.1", port), ExposedPort.tcp(port)));
				}
				command.withExposedPorts(exposed);
				command.getHostConfig().withPortBindings(bindings);
			});
		}

		/**
		 * Returns the loopback ports of the servers.
		 * @return one port per server
		 */
		public List<Integer> ports() {
			return this.ports;
		}

		/**
		 * Stops the container without removing it, as a crashed or stopped Redis.
		 */
		public void stopServer() {
			getDockerClient().stopContainerCmd(getContainerId()).withTimeout(5).exec();
		}

		/**
		 * Starts the stopped container again, on the same ports.
		 */
		public void startServer() {
			getDockerClient().startContainerCmd(getContainerId()).exec();
		}

		/**
		 * Freezes every process of the container, so connections stay open but nothing
		 * responds.
		 */
		public void pause() {
			getDockerClient().pauseContainerCmd(getContainerId()).exec();
		}

		/**
		 * Lets the frozen container run again.
		 */
		public void unpause() {
			getDockerClient().unpauseContainerCmd(getContainerId()).exec();
		}

	}

}
