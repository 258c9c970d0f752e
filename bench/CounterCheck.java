import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Checks that concurrent counter additions lose no update on a running cache-service:
 * CLIENTS threads each add 1 to one new counter ADDITIONS times, then the counter is read
 * back. Exits with status 1 unless every addition returned 200 and the final value is
 * CLIENTS * ADDITIONS.
 *
 * Usage: java CounterCheck.java BASE_URL [CLIENTS] [ADDITIONS]
 * (for example http://127.0.0.1:8081; 64 and 1000 by default)
 */
public class CounterCheck {

	public static void main(String[] args) throws Exception {
		if (args.length < 1) {
			System.err.println("usage: java CounterCheck.java BASE_URL [CLIENTS] [ADDITIONS]");
			System.exit(2);
		}
		String base = args[0];
		int clients = (args.length > 1) ? Integer.parseInt(args[1]) : 64;
		int additions = (args.length > 2) ? Integer.parseInt(args[2]) : 1000;

		String counter = base + "/v1/caches/counter-check/counters/c" + System.nanoTime();
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		HttpRequest add = HttpRequest.newBuilder(URI.create(counter + "?by=1"))
			.timeout(Duration.ofSeconds(10))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build();

		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> failures = new ArrayList<>();
		long began = System.nanoTime();
		try (ExecutorService executor = Executors.newFixedThreadPool(clients)) {
			for (int i = 0; i < clients; i++) {
				failures.add(executor.submit(() -> {
					start.await();
					int failed = 0;
					for (int n = 0; n < additions; n++) {
						if (http.send(add, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
							failed++;
						}
					}
					return failed;
				}));
			}
			start.countDown();
		}

		int failed = 0;
		for (Future<Integer> result : failures) {
			failed += result.get();
		}
		long millis = Duration.ofNanos(System.nanoTime() - began).toMillis();
		String entry = counter.replace("/counters/", "/entries/");
		String value = http.send(HttpRequest.newBuilder(URI.create(entry)).build(), HttpResponse.BodyHandlers.ofString())
			.body();
		long expected = (long) clients * additions;
		System.out.printf("%d clients x %d additions in %d ms: %d failed, final value %s, expected %d%n", clients,
				additions, millis, failed, value, expected);
		System.exit((failed == 0 && value.equals(Long.toString(expected))) ? 0 : 1);
	}

}
