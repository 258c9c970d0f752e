package io.cachepair.api.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP proxy on a loopback port that forwards every connection to a target port on
 * loopback and can hold back each chunk of the target's responses for a set time, so that
 * the service behind it looks slow.
 * <p>
 * A connection to a target that is down is accepted and then reset, so a client sees a
 * failed call at once, as it would see a refused connection without the proxy.
 */
public final class DelayingProxy implements AutoCloseable {

	private static final int CONNECT_TIMEOUT_MILLIS = 1000;

	private final ServerSocket server;

	private final int targetPort;

	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

	private volatile Duration responseDelay = Duration.ZERO;

	private DelayingProxy(ServerSocket server, int targetPort) {
		this.server = server;
		this.targetPort = targetPort;
	}

	/**
	 * Starts a proxy on a free loopback port.
	 * @param targetPort the loopback port to forward to
	 * @return the running proxy
	 * @throws IOException if the proxy cannot listen
	 */
	public static DelayingProxy start(int targetPort) throws IOException {
		ServerSocket server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
		DelayingProxy proxy = new DelayingProxy(server, targetPort);
		proxy.executor.execute(proxy::acceptConnections);
		return proxy;
	}

	public URI baseUrl() {
		return URI.create("http://127.0.0.1:" + this.server.getLocalPort());
	}

	/**
	 * Sets how long each chunk of a response is held back, from now on, also on
	 * connections that are already open.
	 * @param delay the delay, zero to forward at once
	 */
	public void delayResponses(Duration delay) {
		this.responseDelay = delay;
	}

	@Override
	public void close() throws IOException {
		this.server.close();
		this.sockets.forEach(this::closeQuietly);
		this.executor.shutdownNow();
	}

	private void acceptConnections() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				this.sockets.add(client);
				this.executor.execute(() -> connect(client));
			}
			catch (IOException ex) {
				// The proxy was closed; the loop ends.
			}
		}
	}

	private void connect(Socket client) {
		Socket target = new Socket();
		this.sockets.add(target);
		try {
			target.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.targetPort),
					CONNECT_TIMEOUT_MILLIS);
		}
		catch (IOException ex) {
			reset(client);
			closeQuietly(target);
			return;
		}
		this.executor.execute(() -> pump(client, target, false));
		pump(target, client, true);
	}

	/**
	 * Copies bytes until either side closes, then closes both.
	 */
	private void pump(Socket from, Socket to, boolean delayed) {
		byte[] buffer = new byte[16 * 1024];
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			int read;
			while ((read = in.read(buffer)) >= 0) {
				if (delayed) {
					holdBack();
				}
				out.write(buffer, 0, read);
				out.flush();
			}
		}
		catch (IOException | InterruptedException ex) {
			// One side closed or failed, or the proxy is closing; both sides close below.
		}
		finally {
			closeQuietly(from);
			closeQuietly(to);
		}
	}

	private void holdBack() throws InterruptedException {
		Duration delay = this.responseDelay;
		if (delay.isPositive()) {
			Thread.sleep(delay);
		}
	}

	private void reset(Socket socket) {
		try {
			socket.setSoLinger(true, 0);
		}
		catch (IOException ex) {
			// The socket is already closed, which serves as well.
		}
		closeQuietly(socket);
	}

	private void closeQuietly(Socket socket) {
		this.sockets.remove(socket);
		try {
			socket.close();
		}
		catch (IOException ex) {
			// Closing is best effort; the socket is unusable either way.
		}
	}

}
