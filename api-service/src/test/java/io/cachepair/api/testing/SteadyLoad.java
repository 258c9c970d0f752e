package io.cachepair.api.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Steady read load on a service: a fixed number of client threads, each sending one
 * request per pacing interval, or the next one at once when a request took longer. Every
 * response is recorded with its start time, latency, status and {@code X-Cache} header.
 * <p>
 * The load is bounded three ways: it stops when {@link #stop()} is called, after a
 * maximum duration, and after a maximum number of requests, whichever comes first.
 */
public final class SteadyLoad implements AutoCloseable {

	private final HttpClient client;

	private final URI baseUrl;

	private final Duration requestTimeout;

	private final Duration pacing;

	private final long deadlineNanos;

	private final int maxRequests;

	private final long startNanos = System.nanoTime();

	private final AtomicBoolean running = new AtomicBoolean(true);

	private final AtomicInteger sent = new AtomicInteger();

	private final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();

	private final List<Thread> workers = new ArrayList<>();

	private SteadyLoad(Settings settings) {
		this.client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(settings.requestTimeout())
			.build();
		this.baseUrl = settings.baseUrl();
		this.requestTimeout = settings.requestTimeout();
		this.pacing = settings.pacing();
		this.deadlineNanos = this.startNanos + settings.maxDuration().toNanos();
		this.maxRequests = settings.maxRequests();
	}

	/**
	 * Starts the load.
	 * @param settings where to send it, how much and for how long at most
	 * @param paths chooses the path of each request, such as {@code /api/v1/products/17},
	 * from a seeded random generator per thread
	 * @return the running load
	 */
	public static SteadyLoad start(Settings settings, Function<Random, String> paths) {
		SteadyLoad load = new SteadyLoad(settings);
		for (int i = 0; i < settings.threads(); i++) {
			Random random = new Random(settings.seed() + i);
			load.workers.add(Thread.ofPlatform().name("steady-load-" + i).start(() -> load.run(random, paths)));
		}
		return load;
	}

	/**
	 * Returns the time since the load started, the time base of every sample.
	 */
	public Duration elapsed() {
		return Duration.ofNanos(System.nanoTime() - this.startNanos);
	}

	/**
	 * Returns the samples recorded so far.
	 */
	public List<Sample> samples() {
		return List.copyOf(this.samples);
	}

	/**
	 * Stops the load, waits for the requests in progress and returns every sample.
	 * @return the samples, in no particular order
	 */
	public List<Sample> stop() {
		this.running.set(false);
		for (Thread worker : this.workers) {
			try {
				worker.join(this.requestTimeout.multipliedBy(2));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		this.client.close();
		return samples();
	}

	@Override
	public void close() {
		stop();
	}

	private void run(Random random, Function<Random, String> paths) {
		while (this.running.get() && System.nanoTime() < this.deadlineNanos
				&& this.sent.incrementAndGet() <= this.maxRequests) {
			long started = System.nanoTime();
			this.samples.add(send(paths.apply(random), started));
			long idleNanos = this.pacing.toNanos() - (System.nanoTime() - started);
			if (idleNanos > 0) {
				pause(idleNanos);
			}
		}
	}

	private Sample send(String path, long started) {
		HttpRequest request = HttpRequest.newBuilder(this.baseUrl.resolve(path)).timeout(this.requestTimeout).build();
		try {
			HttpResponse<byte[]> response = this.client.send(request, BodyHandlers.ofByteArray());
			String problem = (response.statusCode() >= 400) ? problem(response) : null;
			return new Sample(started - this.startNanos, System.nanoTime() - started, response.statusCode(),
					response.headers().firstValue("X-Cache").orElse(null), problem, path);
		}
		catch (IOException ex) {
			return new Sample(started - this.startNanos, System.nanoTime() - started, 0, null, ex.toString(), path);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Sample(started - this.startNanos, System.nanoTime() - started, 0, null, ex.toString(), path);
		}
	}

	/**
	 * Describes an error response by its content type, {@code Retry-After} header and
	 * body, such as {@code application/problem+json; Retry-After 2; {"title":...}}.
	 */
	private static String problem(HttpResponse<byte[]> response) {
		return response.headers().firstValue("Content-Type").orElse("no content type") + "; Retry-After "
				+ response.headers().firstValue("Retry-After").orElse("none") + "; "
				+ new String(response.body(), StandardCharsets.UTF_8);
	}

	private static void pause(long nanos) {
		try {
			Thread.sleep(Duration.ofNanos(nanos));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Returns the given percentile of the samples' latencies, by the nearest-rank method.
	 * @param samples the samples
	 * @param percentile the percentile, such as 99
	 * @return the latency, or zero without samples
	 */
	public static Duration percentile(Collection<Sample> samples, double percentile) {
		List<Long> latencies = samples.stream().map(Sample::latencyNanos).sorted().toList();
		if (latencies.isEmpty()) {
			return Duration.ZERO;
		}
		int rank = (int) Math.ceil(percentile / 100 * latencies.size());
		return Duration.ofNanos(latencies.get(Math.max(0, rank - 1)));
	}

	/**
	 * Returns the first sample with the given {@code X-Cache} value that started at or
	 * after a time.
	 * @param samples the samples
	 * @param cacheStatus the value, such as {@code HIT}
	 * @param notBefore the earliest start time, since the load started
	 * @return the sample, or empty if there is none
	 */
	public static Optional<Sample> first(Collection<Sample> samples, String cacheStatus, Duration notBefore) {
		return samples.stream()
			.filter((sample) -> cacheStatus.equals(sample.cacheStatus()))
			.filter((sample) -> sample.startNanos() >= notBefore.toNanos())
			.min(Comparator.comparingLong(Sample::startNanos));
	}

	/**
	 * Where to send load, how much and for how long at most.
	 *
	 * @param baseUrl the service's base URL
	 * @param threads the number of client threads
	 * @param pacing the time from the start of one request of a thread to the start of
	 * its next, unless the request takes longer
	 * @param requestTimeout the client's timeout for one request
	 * @param maxDuration the longest the load runs
	 * @param maxRequests the most requests it sends
	 * @param seed the seed of the first thread's random generator
	 */
	public record Settings(URI baseUrl, int threads, Duration pacing, Duration requestTimeout, Duration maxDuration,
			int maxRequests, long seed) {

	}

	/**
	 * One request and its outcome.
	 *
	 * @param startNanos when it started, since the load started
	 * @param latencyNanos how long it took, until the whole response was read or the
	 * request failed
	 * @param status the response status, or 0 when no response came
	 * @param cacheStatus the {@code X-Cache} header, or {@code null}
	 * @param failure the exception when no response came, or the content type,
	 * {@code Retry-After} header and body of an error response, or {@code null} for a
	 * success
	 * @param path the request's path
	 */
	public record Sample(long startNanos, long latencyNanos, int status, @Nullable String cacheStatus,
			@Nullable String failure, String path) {

		public Duration start() {
			return Duration.ofNanos(this.startNanos);
		}

		public Duration latency() {
			return Duration.ofNanos(this.latencyNanos);
		}

	}

}
