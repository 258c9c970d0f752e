package io.cachepair.api.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;

/**
 * In-memory stand-in for the cache-service on a free loopback port. It serves the calls
 * of the api-service's client (entry read, conditional write and removal, and tag
 * removal), records every request, and can fail or stall on purpose.
 * <p>
 * It computes ETags independently of the code under test, from the algorithm that the
 * cache-service specifies.
 */
public final class FakeCacheServer implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final Map<String, StoredEntry> entries = new ConcurrentHashMap<>();

	private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

	private final AtomicInteger failuresLeft = new AtomicInteger();

	private volatile int failureStatus = 503;

	private volatile @Nullable CountDownLatch stall;

	private FakeCacheServer(HttpServer server) {
		this.server = server;
	}

	/**
	 * Starts a fake on 127.0.0.1 and a free port.
	 * @return the started fake
	 */
	public static FakeCacheServer start() throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		FakeCacheServer fake = new FakeCacheServer(server);
		server.createContext("/", fake::handle);
		server.setExecutor(fake.executor);
		server.start();
		return fake;
	}

	public URI baseUrl() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

	/**
	 * Makes the next {@code count} requests fail with the status.
	 */
	public void failNext(int count, int status) {
		this.failureStatus = status;
		this.failuresLeft.set(count);
	}

	/**
	 * Cancels failures set by {@link #failNext(int, int)} that have not happened.
	 */
	public void clearFailures() {
		this.failuresLeft.set(0);
	}

	/**
	 * Makes every request wait without a response until {@link #resume()}.
	 */
	public void stall() {
		this.stall = new CountDownLatch(1);
	}

	public void resume() {
		CountDownLatch latch = this.stall;
		if (latch != null) {
			latch.countDown();
		}
		this.stall = null;
	}

	public List<RecordedRequest> requests() {
		return List.copyOf(this.requests);
	}

	public List<RecordedRequest> requests(String method) {
		return this.requests.stream().filter((request) -> request.method().equals(method)).toList();
	}

	public void clearRequests() {
		this.requests.clear();
	}

	public @Nullable StoredEntry entry(String cache, String key) {
		return this.entries.get(cache + "/" + key);
	}

	/**
	 * Returns the entries of a cache whose key ends with the given text, such as the
	 * pages of every generation for one query.
	 */
	public List<StoredEntry> entriesEndingWith(String cache, String keySuffix) {
		List<StoredEntry> found = new ArrayList<>();
		this.entries.forEach((key, entry) -> {
			if (key.startsWith(cache + "/") && key.endsWith(keySuffix)) {
				found.add(entry);
			}
		});
		return found;
	}

	/**
	 * Stores an entry directly, as another client of the cache-service would.
	 */
	public void putEntry(String cache, String key, StoredEntry entry) {
		this.entries.put(cache + "/" + key, entry);
	}

	@Override
	public void close() {
		resume();
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			byte[] body = readBody(exchange.getRequestBody());
			RecordedRequest request = RecordedRequest.of(exchange, body);
			this.requests.add(request);
			awaitResume();
			if (this.failuresLeft.getAndUpdate((left) -> Math.max(0, left - 1)) > 0) {
				send(exchange, this.failureStatus, "application/problem+json", "{\"title\":\"Failure on purpose\"}");
				return;
			}
			route(exchange, request);
		}
	}

	private void awaitResume() {
		CountDownLatch latch = this.stall;
		if (latch != null) {
			try {
				latch.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private void route(HttpExchange exchange, RecordedRequest request) throws IOException {
		List<String> segments = request.pathSegments();
		if (segments.size() != 5 || !segments.get(0).equals("v1") || !segments.get(1).equals("caches")) {
			send(exchange, 404, "application/problem+json", "{\"title\":\"No such resource\"}");
			return;
		}
		String cache = segments.get(2);
		String target = segments.get(4);
		switch (request.method() + " " + segments.get(3)) {
			case "GET entries" -> read(exchange, cache, target);
			case "PUT entries" -> write(exchange, cache, target, request);
			case "DELETE entries" -> removeEntry(exchange, cache, target);
			case "DELETE tags" -> removeTag(exchange, cache, target);
			default -> send(exchange, 405, "application/problem+json", "{\"title\":\"Method not allowed\"}");
		}
	}

	private void read(HttpExchange exchange, String cache, String key) throws IOException {
		StoredEntry entry = this.entries.get(cache + "/" + key);
		if (entry == null) {
			send(exchange, 404, "application/problem+json", "{\"title\":\"Entry not found\"}");
			return;
		}
		exchange.getResponseHeaders().add("ETag", etagOf(entry.value()));
		exchange.getResponseHeaders().add("Content-Type", entry.contentType());
		exchange.sendResponseHeaders(200, (entry.value().length == 0) ? -1 : entry.value().length);
		exchange.getResponseBody().write(entry.value());
	}

	private void write(HttpExchange exchange, String cache, String key, RecordedRequest request) throws IOException {
		String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
		StoredEntry entry = new StoredEntry(request.body(), contentType, Set.copyOf(request.queryValues("tag")));
		String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
		String ifMatch = exchange.getRequestHeaders().getFirst("If-Match");
		StoredEntry previous;
		// Checks the preconditions and writes in one step, as the cache-service does.
		synchronized (this.entries) {
			previous = this.entries.get(cache + "/" + key);
			if (!preconditionHolds(previous, ifNoneMatch, ifMatch)) {
				send(exchange, 412, "application/problem+json", "{\"title\":\"Precondition failed\"}");
				return;
			}
			this.entries.put(cache + "/" + key, entry);
		}
		exchange.getResponseHeaders().add("ETag", etagOf(entry.value()));
		exchange.sendResponseHeaders((previous == null) ? 201 : 204, -1);
	}

	/**
	 * Checks the two forms of precondition that the api-service sends:
	 * {@code If-None-Match:
	 * *} and {@code If-Match} with one strong tag.
	 */
	private static boolean preconditionHolds(@Nullable StoredEntry current, @Nullable String ifNoneMatch,
			@Nullable String ifMatch) {
		if (ifNoneMatch != null && ifNoneMatch.strip().equals("*") && current != null) {
			return false;
		}
		return ifMatch == null || (current != null && ifMatch.strip().equals(etagOf(current.value())));
	}

	private void removeEntry(HttpExchange exchange, String cache, String key) throws IOException {
		boolean removed = this.entries.remove(cache + "/" + key) != null;
		exchange.sendResponseHeaders(removed ? 204 : 404, -1);
	}

	private void removeTag(HttpExchange exchange, String cache, String tag) throws IOException {
		List<String> keys = new ArrayList<>();
		this.entries.forEach((key, entry) -> {
			if (key.startsWith(cache + "/") && entry.tags().contains(tag)) {
				keys.add(key);
			}
		});
		keys.forEach(this.entries::remove);
		send(exchange, 200, "application/json", "{\"removed\":" + keys.size() + "}");
	}

	private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", contentType);
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
	}

	private static byte[] readBody(InputStream input) throws IOException {
		return input.readAllBytes();
	}

	private static String etagOf(byte[] value) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(value);
			return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16)) + '"';
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * An entry as the fake stores it.
	 *
	 * @param value the stored bytes
	 * @param contentType the {@code Content-Type} of the write
	 * @param tags the tags of the write
	 */
	public record StoredEntry(byte[] value, String contentType, Set<String> tags) {

	}

}
