package io.cachepair.api.shutdown;

import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.LongFunction;

import io.cachepair.api.testing.RawHttpResponse;
import org.jspecify.annotations.Nullable;

/**
 * Load over raw keep-alive HTTP/1.1 connections that records, for every request, whether
 * it got a complete response, and if not, how it failed. Each request carries a unique
 * {@code X-Request-Id}, so that the outcomes can be matched against the server's access
 * log. The load stops on request, after a maximum duration, or after a maximum number of
 * requests.
 */
final class KeepAliveLoad implements AutoCloseable {

	private static final Duration READ_TIMEOUT = Duration.ofSeconds(20);

	private final int port;

	private final Duration pacing;

	private final long deadlineNanos;

	private final long maxRequests;

	private final long startNanos = System.nanoTime();

	private final AtomicBoolean running = new AtomicBoolean(true);

	private final AtomicLong ids = new AtomicLong();

	private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();

	private final List<Thread> workers = new ArrayList<>();

	private KeepAliveLoad(int port, Duration pacing, Duration maxDuration, long maxRequests) {
		this.port = port;
		this.pacing = pacing;
		this.deadlineNanos = this.startNanos + maxDuration.toNanos();
		this.maxRequests = maxRequests;
	}

	/**
	 * Starts the load.
	 * @param port the service's loopback port
	 * @param threads the number of connections, one per thread
	 * @param pacing the time from the start of one request of a thread to the start of
	 * its next
	 * @param requests builds each request's bytes from its id and a seeded random
	 * generator of its thread, with the {@code X-Request-Id} header set to the id
	 * @return the running load
	 */
	static KeepAliveLoad start(int port, int threads, Duration pacing, BiFunction<Long, Random, String> requests) {
		KeepAliveLoad load = new KeepAliveLoad(port, pacing, Duration.ofSeconds(120), 100_000);
		for (int i = 0; i < threads; i++) {
			Random random = new Random(20261204L + i);
			load.workers.add(Thread.ofPlatform()
				.name("keep-alive-load-" + i)
				.start(() -> load.run((id) -> requests.apply(id, random))));
		}
		return load;
	}

	Duration elapsed() {
		return Duration.ofNanos(System.nanoTime() - this.startNanos);
	}

	/**
	 * Stops the load and waits for the requests in progress.
	 * @return every outcome, in no particular order
	 */
	List<Outcome> stop() {
		this.running.set(false);
		for (Thread worker : this.workers) {
			try {
				worker.join(READ_TIMEOUT.plusSeconds(5));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		return List.copyOf(this.outcomes);
	}

	@Override
	public void close() {
		stop();
	}

	private void run(LongFunction<String> requests) {
		Socket socket = null;
		while (this.running.get() && System.nanoTime() < this.deadlineNanos && this.ids.get() < this.maxRequests) {
			long started = System.nanoTime();
			if (socket == null) {
				socket = connect(started);
			}
			if (socket != null) {
				long id = this.ids.incrementAndGet();
				Outcome outcome = exchange(socket, id, requests.apply(id), started);
				this.outcomes.add(outcome);
				if (outcome.kind() != Kind.COMPLETE || outcome.closesConnection()) {
					closeQuietly(socket);
					socket = null;
				}
			}
			pause(started);
		}
		if (socket != null) {
			closeQuietly(socket);
		}
	}

	/**
	 * Opens a connection, recording a refused one as an outcome without a request id.
	 */
	private @Nullable Socket connect(long started) {
		Socket socket = new Socket();
		try {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port), 2000);
			socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
			return socket;
		}
		catch (ConnectException ex) {
			this.outcomes.add(new Outcome(0, since(started), Kind.REFUSED, 0, false, ex.toString()));
		}
		catch (IOException ex) {
			this.outcomes.add(new Outcome(0, since(started), Kind.CONNECT_FAILED, 0, false, ex.toString()));
		}
		closeQuietly(socket);
		return null;
	}

	private Outcome exchange(Socket socket, long id, String request, long started) {
		try {
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.UTF_8));
			out.flush();
		}
		catch (IOException ex) {
			return new Outcome(id, since(started), Kind.UNANSWERED, 0, false, "sending failed: " + ex);
		}
		try {
			Optional<RawHttpResponse> response = RawHttpResponse.read(socket.getInputStream(), true);
			if (response.isEmpty()) {
				return new Outcome(id, since(started), Kind.UNANSWERED, 0, false, "closed before any response byte");
			}
			boolean closes = response.get().header("connection").equalsIgnoreCase("close");
			return new Outcome(id, since(started), Kind.COMPLETE, response.get().status(), closes,
					response.get().text());
		}
		catch (SocketTimeoutException ex) {
			return new Outcome(id, since(started), Kind.TIMEOUT, 0, false, ex.toString());
		}
		catch (EOFException ex) {
			return new Outcome(id, since(started), Kind.TRUNCATED, 0, false, ex.toString());
		}
		catch (IOException ex) {
			return new Outcome(id, since(started), Kind.TRUNCATED, 0, false, ex.toString());
		}
	}

	private long since(long nanos) {
		return nanos - this.startNanos;
	}

	private void pause(long started) {
		long idleNanos = this.pacing.toNanos() - (System.nanoTime() - started);
		if (idleNanos > 0) {
			try {
				Thread.sleep(Duration.ofNanos(idleNanos));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				this.running.set(false);
			}
		}
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// The connection is unusable either way.
		}
	}

	/**
	 * How a request ended.
	 */
	enum Kind {

		/**
		 * A complete response arrived.
		 */
		COMPLETE,

		/**
		 * The connection was refused, so no request was sent.
		 */
		REFUSED,

		/**
		 * Opening a connection failed otherwise, so no request was sent.
		 */
		CONNECT_FAILED,

		/**
		 * The request could not be sent, or the connection ended before any response
		 * byte.
		 */
		UNANSWERED,

		/**
		 * The connection ended in the middle of a response.
		 */
		TRUNCATED,

		/**
		 * No response byte came within the read timeout.
		 */
		TIMEOUT

	}

	/**
	 * The outcome of one request, or of one refused connection.
	 *
	 * @param id the request's {@code X-Request-Id}, or 0 when no request was sent
	 * @param startNanos when it started, since the load started
	 * @param kind how it ended
	 * @param status the response status, or 0 without a complete response
	 * @param closesConnection whether the response carried {@code Connection: close}
	 * @param detail the response body, or what failed
	 */
	record Outcome(long id, long startNanos, Kind kind, int status, boolean closesConnection, String detail) {

	}

}
