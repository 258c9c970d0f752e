package io.cachepair.cache.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.cachepair.cache.contract.CacheHttpClient;

import static io.cachepair.cache.contract.CacheHttpClient.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends every request of the hostile corpus as raw bytes and checks that none gets a 5xx,
 * that each rejected one gets a problem+json naming the problem, and that no rejected
 * request changes stored data. The corpus, one JSON object per line, is in
 * {@code src/test/resources/hostile/cache-service-requests.jsonl}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileRequestTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int CANARIES = 5;

	@LocalServerPort
	private int port;

	private CacheHttpClient client;

	private final Map<String, String> canaryTags = new HashMap<>();

	private String settingsBefore;

	@BeforeAll
	void writeCanaries() {
		this.client = new CacheHttpClient(this.port);
		for (int i = 1; i <= CANARIES; i++) {
			String key = "canary-" + i;
			this.client.put("/v1/caches/hostile/entries/" + key + "?tag=canary", "canary value " + i);
			this.canaryTags.put(key,
					this.client.get("/v1/caches/hostile/entries/" + key).headers().firstValue("ETag").orElseThrow());
		}
		this.settingsBefore = JSON.readTree(this.client.get("/v1/caches/hostile").body()).get("settings").toString();
	}

	static Stream<JsonNode> corpus() throws IOException {
		Path file = Path.of("src/test/resources/hostile/cache-service-requests.jsonl");
		return Files.readAllLines(file).stream().filter((line) -> !line.isBlank()).map(JSON::readTree);
	}

	@ParameterizedTest(name = "{index}: {0}")
	@MethodSource("corpus")
	void hostileRequestIsRejectedCleanly(JsonNode testCase) throws IOException {
		String expect = testCase.get("expect").asString();
		RawResponse response = send(testCase, expect.equals("reject-truncated"));

		if (response.status() > 0 || !expect.equals("any")) {
			assertThat(response.status()).as("status").isBetween(200, 499);
		}
		if (expect.startsWith("reject")) {
			assertThat(response.status()).as("status").isBetween(400, 499);
			assertThat(response.header("content-type")).as("content type").startsWith("application/problem+json");
			JsonNode problem = JSON.readTree(response.body());
			assertThat(problem.path("title").asString()).as("title").isNotBlank();
			assertThat(problem.path("detail").asString()).as("detail").isNotBlank();
		}
		assertCanariesUnchanged();
	}

	private void assertCanariesUnchanged() {
		this.canaryTags.forEach((key, etag) -> {
			var read = this.client.get("/v1/caches/hostile/entries/" + key);
			assertThat(read.statusCode()).as(key).isEqualTo(200);
			assertThat(read.headers().firstValue("ETag")).as(key).hasValue(etag);
		});
	}

	@AfterAll
	void hostileCacheHoldsOnlyCanariesWithTheirSettings() {
		JsonNode view = JSON.readTree(this.client.get("/v1/caches/hostile").body());
		assertThat(view.get("statistics").get("entries").asLong()).isEqualTo(CANARIES);
		assertThat(view.get("settings").toString()).isEqualTo(this.settingsBefore);
		assertThat(text(this.client.delete("/v1/caches/hostile/tags/canary"))).isEqualTo("{\"removed\":5}");
	}

	private RawResponse send(JsonNode testCase, boolean closeAfterSending) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			try {
				out.write(testCase.get("raw").asString().getBytes(StandardCharsets.ISO_8859_1));
				if (testCase.has("repeat")) {
					writeRepeated(out, testCase.get("repeat"));
					out.write(testCase.get("tail").asString().getBytes(StandardCharsets.ISO_8859_1));
				}
				out.flush();
				if (closeAfterSending) {
					socket.shutdownOutput();
				}
			}
			catch (IOException ex) {
				// The server may answer and close before a large body is fully sent; the
				// answer is still there to read.
			}
			return RawResponse.read(socket.getInputStream());
		}
	}

	private static void writeRepeated(OutputStream out, JsonNode repeat) throws IOException {
		byte[] unit = repeat.get("text").asString().getBytes(StandardCharsets.ISO_8859_1);
		byte[] block = new byte[unit.length * 8192];
		for (int i = 0; i < 8192; i++) {
			System.arraycopy(unit, 0, block, i * unit.length, unit.length);
		}
		long remaining = repeat.get("count").asLong() * unit.length;
		while (remaining > 0) {
			int length = (int) Math.min(block.length, remaining);
			out.write(block, 0, length);
			remaining -= length;
		}
	}

	/**
	 * The status, headers and body of one HTTP/1.1 response read from a socket; status 0
	 * when the server closed without answering.
	 */
	private record RawResponse(int status, Map<String, String> headers, byte[] body) {

		String header(String name) {
			return this.headers.getOrDefault(name, "");
		}

		static RawResponse read(InputStream in) throws IOException {
			String head = readHead(in);
			if (head.isEmpty()) {
				return new RawResponse(0, Map.of(), new byte[0]);
			}
			String[] lines = head.split("\r\n");
			int status = Integer.parseInt(lines[0].split(" ")[1]);
			Map<String, String> headers = new HashMap<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
						lines[i].substring(colon + 1).strip());
			}
			return new RawResponse(status, headers, readBody(in, headers));
		}

		private static String readHead(InputStream in) throws IOException {
			ByteArrayOutputStream head = new ByteArrayOutputStream();
			int matched = 0;
			while (matched < 4) {
				int next;
				try {
					next = in.read();
				}
				catch (SocketTimeoutException | java.net.SocketException ex) {
					next = -1;
				}
				if (next < 0) {
					return "";
				}
				head.write(next);
				matched = (next == "\r\n\r\n".charAt(matched)) ? matched + 1 : ((next == '\r') ? 1 : 0);
			}
			return head.toString(StandardCharsets.ISO_8859_1).strip();
		}

		private static byte[] readBody(InputStream in, Map<String, String> headers) throws IOException {
			if (headers.containsKey("content-length")) {
				return in.readNBytes(Integer.parseInt(headers.get("content-length")));
			}
			if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
				return readChunked(in);
			}
			return new byte[0];
		}

		private static byte[] readChunked(InputStream in) throws IOException {
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			while (true) {
				String sizeLine = readLine(in);
				int size = Integer.parseInt(sizeLine.strip(), 16);
				if (size == 0) {
					readLine(in);
					return body.toByteArray();
				}
				body.write(in.readNBytes(size));
				readLine(in);
			}
		}

		private static String readLine(InputStream in) throws IOException {
			ByteArrayOutputStream line = new ByteArrayOutputStream();
			int next;
			while ((next = in.read()) >= 0 && next != '\n') {
				if (next != '\r') {
					line.write(next);
				}
			}
			return line.toString(StandardCharsets.ISO_8859_1);
		}

	}

}
