package io.cachepair.cache.contract;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A thin HTTP client for the contract tests. It sends paths exactly as given, so tests
 * control percent-encoding byte for byte.
 */
public class CacheHttpClient {

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String baseUrl;

	public CacheHttpClient(int port) {
		this.baseUrl = "http://127.0.0.1:" + port;
	}

	public static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

	public static String entryPath(String cache, String key) {
		return "/v1/caches/" + cache + "/entries/" + encode(key);
	}

	public HttpResponse<byte[]> send(String method, String path, byte[] body, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(10))
			.method(method, (body.length > 0 || method.equals("PUT") || method.equals("POST"))
					? BodyPublishers.ofByteArray(body) : BodyPublishers.noBody());
		if (headers.length > 0) {
			request.headers(headers);
		}
		try {
			return this.client.send(request.build(), BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Request " + method + " " + path + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted during " + method + " " + path, ex);
		}
	}

	public HttpResponse<byte[]> get(String path, String... headers) {
		return send("GET", path, new byte[0], headers);
	}

	public HttpResponse<byte[]> put(String path, String body, String... headers) {
		return send("PUT", path, body.getBytes(StandardCharsets.UTF_8), headers);
	}

	public HttpResponse<byte[]> delete(String path, String... headers) {
		return send("DELETE", path, new byte[0], headers);
	}

	public static String text(HttpResponse<byte[]> response) {
		return new String(response.body(), StandardCharsets.UTF_8);
	}

}
