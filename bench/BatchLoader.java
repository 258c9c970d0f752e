import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Loads keys "<prefix>0" to "<prefix>(count-1)" into a cache-service cache through its
 * batch write, 1,000 entries a call on four connections. The value is the text of a file.
 *
 * Usage: java BatchLoader.java BATCH_PUT_URL PREFIX COUNT VALUE_FILE
 */
public class BatchLoader {

	private static final int BATCH = 1000;

	public static void main(String[] args) throws Exception {
		URI uri = URI.create(args[0]);
		String prefix = args[1];
		int count = Integer.parseInt(args[2]);
		String value = Files.readString(Path.of(args[3])).strip();
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		try (ExecutorService executor = Executors.newFixedThreadPool(4)) {
			List<Future<Integer>> calls = new ArrayList<>();
			for (int start = 0; start < count; start += BATCH) {
				String body = body(prefix, start, Math.min(start + BATCH, count), value);
				calls.add(executor.submit(() -> client
					.send(HttpRequest.newBuilder(uri)
						.header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString(body))
						.build(), HttpResponse.BodyHandlers.discarding())
					.statusCode()));
			}
			for (Future<Integer> call : calls) {
				int status = call.get();
				if (status != 200) {
					throw new IllegalStateException("Batch write failed with status " + status);
				}
			}
		}
	}

	private static String body(String prefix, int start, int end, String value) {
		StringBuilder body = new StringBuilder("{\"entries\":[");
		for (int i = start; i < end; i++) {
			body.append(i > start ? "," : "").append("{\"key\":\"").append(prefix).append(i).append("\",\"text\":\"")
				.append(value).append("\",\"contentType\":\"text/plain\"}");
		}
		return body.append("]}").toString();
	}

}
