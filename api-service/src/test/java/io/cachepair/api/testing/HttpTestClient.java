package io.cachepair.api.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Plain HTTP calls to a server under test, with bodies as bytes so that tests can compare
 * them exactly.
 */
public final class HttpTestClient implements AutoCloseable {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final HttpClient httpClient = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(TIMEOUT)
		.build();

	private final URI baseUrl;

	public HttpTestClient(URI baseUrl) {
		this.baseUrl = baseUrl;
	}

	public HttpResponse<byte[]> get(String path, String... headers) {
		return send(request(path, headers).GET());
	}

	public HttpResponse<byte[]> post(String path, String json, String... headers) {
		return send(request(path, headers).header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
	}

	public HttpResponse<byte[]> put(String path, String json, String... headers) {
		return send(request(path, headers).header("Content-Type", "application/json")
			.PUT(BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
	}

	public HttpResponse<byte[]> delete(String path, String... headers) {
		return send(request(path, headers).DELETE());
	}

	/**
	 * Returns the body of a response as UTF-8 text.
	 */
	public static String text(HttpResponse<byte[]> response) {
		return new String(response.body(), StandardCharsets.UTF_8);
	}

	@Override
	public void close() {
		this.httpClient.close();
	}

	private HttpRequest.Builder request(String path, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.baseUrl.resolve(path)).timeout(TIMEOUT);
		if (headers.length > 0) {
			request.headers(headers);
		}
		return request;
	}

	private HttpResponse<byte[]> send(HttpRequest.Builder request) {
		try {
			return this.httpClient.send(request.build(), BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Request to the server under test failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the server under test", ex);
		}
	}

}
