package io.cachepair.api.web;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import io.cachepair.api.testing.CacheServiceProcess;
import io.cachepair.api.testing.HttpTestClient;
import io.cachepair.api.testing.RawHttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.cachepair.api.testing.HttpTestClient.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends every request of the hostile corpus to the api-service as raw bytes, with the
 * real cache-service behind it. No request may get a 5xx, each rejected one must get a
 * problem+json naming the problem, and none may change a product in the database or an
 * entry in the cache-service.
 * <p>
 * The corpus, one JSON object per line, is in
 * {@code src/test/resources/hostile/api-service-requests.jsonl}. Each case has a
 * {@code name}, the {@code raw} bytes to send (one character per byte), optionally a
 * {@code repeat} of {@code text} {@code count} times and a {@code tail} sent after it,
 * and what to {@code expect}:
 * <ul>
 * <li>{@code reject}: a 4xx problem+json with a title and a detail;</li>
 * <li>{@code reject-truncated}: the same, after the client stops sending mid-body;</li>
 * <li>{@code accept}: any status from 200 to 499, for odd but valid reads;</li>
 * <li>{@code any} and {@code any-no-change}: like {@code accept}, or a connection closed
 * without a response, for requests that the HTTP parser may drop.</li>
 * </ul>
 * Writes in the corpus target products 1 to 5, whose cache entries the test watches, and
 * every write that Spring MVC might read as valid carries a stale {@code If-Match}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class HostileRequestIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Path CORPUS = Path.of("src/test/resources/hostile/api-service-requests.jsonl");

	private static final List<Integer> WATCHED_PRODUCTS = List.of(1, 2, 3, 4, 5);

	private static final String WATCHED_PAGE = "page=0&size=5&sort=id,asc";

	private static CacheServiceProcess cacheService;

	private static Snapshot before;

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcTemplate jdbc;

	@BeforeAll
	static void startCacheService() {
		cacheService = CacheServiceProcess.start();
		before = null;
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("cachepair.cache-client.base-url", () -> cacheService.baseUrl().toString());
		registry.add("cachepair.catalog.sample.size", () -> "50");
	}

	@AfterAll
	static void stopCacheService() {
		cacheService.stop();
	}

	/**
	 * Caches the watched products and page once, by reading them through the api-service,
	 * and records the state that no case may change.
	 */
	@BeforeEach
	void recordStateOnce() {
		if (before != null) {
			return;
		}
		try (HttpTestClient api = new HttpTestClient(URI.create("http://127.0.0.1:" + this.port))) {
			for (int id : WATCHED_PRODUCTS) {
				assertThat(api.get("/api/v1/products/" + id).statusCode()).isEqualTo(200);
			}
			assertThat(api.get("/api/v1/products?size=5").statusCode()).isEqualTo(200);
		}
		before = snapshot();
		assertThat(before.cacheEntries()).doesNotContainValue("missing");
	}

	static Stream<Named<JsonNode>> corpus() throws IOException {
		return Files.readAllLines(CORPUS)
			.stream()
			.filter((line) -> !line.isBlank())
			.map(JSON::readTree)
			.map((testCase) -> Named.of(testCase.get("name").asString(), testCase));
	}

	@ParameterizedTest(name = "{index}: {0}")
	@MethodSource("corpus")
	void hostileRequestChangesNothing(JsonNode testCase) throws IOException {
		String expect = testCase.get("expect").asString();
		String method = testCase.get("raw").asString().split(" ", 2)[0];

		Optional<RawHttpResponse> response = send(testCase, expect.equals("reject-truncated"), !method.equals("HEAD"),
				expect.startsWith("any"));

		if (response.isEmpty()) {
			assertThat(expect).as("closed without a response").startsWith("any");
		}
		else {
			assertThat(response.get().status()).as("status").isBetween(200, 499);
			assertThat(response.get().headers()).as("response headers").doesNotContainKey("x-injected");
		}
		if (expect.startsWith("reject")) {
			assertProblem(response.orElseThrow());
		}
		assertThat(snapshot()).isEqualTo(before);
	}

	private static void assertProblem(RawHttpResponse response) {
		assertThat(response.status()).as("status").isBetween(400, 499);
		assertThat(response.header("content-type")).as("content type").startsWith("application/problem+json");
		JsonNode problem = JSON.readTree(response.body());
		assertThat(problem.path("title").asString()).as("title").isNotBlank();
		assertThat(problem.path("detail").asString()).as("detail").isNotBlank();
		assertThat(problem.path("status").asInt()).as("status in the body").isEqualTo(response.status());
	}

	/**
	 * Sends a case and reads the response. When any outcome is acceptable, a response
	 * that is not HTTP/1.x, such as Tomcat's HTTP/0.9 response without a status line,
	 * counts as no response.
	 */
	private Optional<RawHttpResponse> send(JsonNode testCase, boolean closeAfterSending, boolean hasBody,
			boolean anyOutcome) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(15_000);
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
				// The server may respond and close before a large body is fully sent; the
				// response is still there to read.
			}
			try {
				return RawHttpResponse.read(socket.getInputStream(), hasBody);
			}
			catch (IOException ex) {
				if (anyOutcome) {
					return Optional.empty();
				}
				throw ex;
			}
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
	 * Returns every product row and tag, and the cache-service's entity tags of the
	 * watched products, the page generation and the watched page.
	 */
	private Snapshot snapshot() {
		List<Map<String, Object>> products = this.jdbc.queryForList("SELECT * FROM product ORDER BY id");
		List<Map<String, Object>> tags = this.jdbc
			.queryForList("SELECT product_id, name FROM product_tag ORDER BY product_id, name");
		String database = products.size() + " products and " + tags.size() + " tags with SHA-256 "
				+ sha256(products.toString() + tags);
		Map<String, String> entries = new LinkedHashMap<>();
		try (HttpTestClient cache = new HttpTestClient(cacheService.baseUrl())) {
			for (int id : WATCHED_PRODUCTS) {
				entries.put("products/" + id, etag(cache.get("/v1/caches/products/entries/" + id)));
			}
			HttpResponse<byte[]> generation = cache.get("/v1/caches/product-pages/entries/generation");
			entries.put("product-pages/generation", text(generation));
			String pageKey = URLEncoder.encode(text(generation) + ":" + WATCHED_PAGE, StandardCharsets.UTF_8);
			entries.put("product-pages/" + WATCHED_PAGE,
					etag(cache.get("/v1/caches/product-pages/entries/" + pageKey)));
		}
		return new Snapshot(database, entries);
	}

	private static String sha256(String text) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform must support SHA-256", ex);
		}
	}

	private static String etag(HttpResponse<byte[]> entry) {
		return (entry.statusCode() == 200) ? entry.headers().firstValue("ETag").orElse("no ETag") : "missing";
	}

	/**
	 * What no rejected request may change.
	 *
	 * @param database the number of products and tags and a digest of every row
	 * @param cacheEntries the entity tag or value of each watched cache-service entry
	 */
	record Snapshot(String database, Map<String, String> cacheEntries) {

	}

}
