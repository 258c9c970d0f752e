package io.cachepair.cache.batch;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.cachepair.cache.contract.CacheHttpClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzz tests of batch bodies over seeded random mutations of valid batch reads and
 * writes: fields of the body and of its items removed, replaced by values of any JSON
 * type, or added. Every body must get 200 or a 4xx problem, never a server error. A
 * rejected write must store nothing, and an accepted one must store every entry with the
 * entity tag it reported.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BatchBodyFuzzTests {

	private static final long SEED = 20261204L;

	private static final String CACHE = "batch-fuzz";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final List<String> ITEM_FIELDS = List.of("key", "json", "text", "base64", "contentType", "ttl",
			"idle", "tags", "unknown");

	@LocalServerPort
	private int port;

	private CacheHttpClient client;

	private final Map<String, String> canaries = new LinkedHashMap<>();

	/**
	 * Writes the canary entries, which no batch of this test writes, once for the class.
	 */
	@BeforeEach
	void writeCanariesOnce() {
		this.client = new CacheHttpClient(this.port);
		if (!this.canaries.isEmpty()) {
			return;
		}
		for (int i = 1; i <= 3; i++) {
			String key = "canary-" + i;
			this.client.put(CacheHttpClient.entryPath(CACHE, key), "canary value " + i);
			this.canaries.put(key, etag(this.client.get(CacheHttpClient.entryPath(CACHE, key))));
		}
	}

	@ParameterizedTest(name = "{index}: {0}")
	@MethodSource("writeBodies")
	void mutatedBatchWriteStoresAllOrNothing(String body) {
		long putsBefore = puts();

		HttpResponse<byte[]> response = post("put", body);

		assertThat(response.statusCode()).as("status").isBetween(200, 499).isNotEqualTo(201);
		if (response.statusCode() == 200) {
			JsonNode written = JSON.readTree(response.body()).get("entries");
			for (JsonNode entry : written) {
				HttpResponse<byte[]> read = this.client
					.get(CacheHttpClient.entryPath(CACHE, entry.get("key").asString()));
				assertThat(etag(read)).as("entry %s", entry).isEqualTo(entry.get("etag").asString());
			}
			assertThat(puts()).isEqualTo(putsBefore + written.size());
		}
		else {
			assertProblem(response);
			assertThat(puts()).as("writes counted by the cache").isEqualTo(putsBefore);
		}
		this.canaries
			.forEach((key, etag) -> assertThat(etag(this.client.get(CacheHttpClient.entryPath(CACHE, key)))).as(key)
				.isEqualTo(etag));
	}

	@ParameterizedTest(name = "{index}: {0}")
	@MethodSource("readBodies")
	void mutatedBatchReadReturnsEveryKeyOrIsRejected(String body) {
		HttpResponse<byte[]> response = post("get", body);

		assertThat(response.statusCode()).as("status").isBetween(200, 499);
		if (response.statusCode() == 200) {
			JsonNode request = JSON.readTree(body);
			JsonNode entries = JSON.readTree(response.body()).get("entries");
			assertThat(entries.size()).isEqualTo(request.get("keys").size());
			for (int i = 0; i < entries.size(); i++) {
				assertThat(entries.get(i).get("key").asString()).isEqualTo(request.get("keys").get(i).asString());
			}
		}
		else {
			assertProblem(response);
		}
	}

	private static void assertProblem(HttpResponse<byte[]> response) {
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = JSON.readTree(response.body());
		assertThat(problem.path("title").asString()).as("title").isNotBlank();
		assertThat(problem.path("detail").asString()).as("detail").isNotBlank();
	}

	private HttpResponse<byte[]> post(String operation, String body) {
		return this.client.send("POST", "/v1/caches/" + CACHE + "/batch/" + operation,
				body.getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json");
	}

	private long puts() {
		JsonNode view = JSON.readTree(this.client.get("/v1/caches/" + CACHE).body());
		return view.get("statistics").get("puts").asLong();
	}

	private static String etag(HttpResponse<byte[]> read) {
		return (read.statusCode() == 200) ? read.headers().firstValue("ETag").orElse("no ETag") : "missing";
	}

	static Stream<Named<String>> writeBodies() {
		Random random = new Random(SEED);
		return IntStream.range(0, 500).mapToObj((index) -> {
			List<@Nullable Object> entries = new ArrayList<>();
			int count = 1 + random.nextInt(3);
			for (int i = 0; i < count; i++) {
				entries.add(mutatedItem(random, "key-" + index + "-" + i));
			}
			Map<String, @Nullable Object> body = new LinkedHashMap<>();
			body.put("entries", entries);
			mutateTopLevel(random, body, "entries");
			String json = write(body);
			return Named.of(json, json);
		});
	}

	static Stream<Named<String>> readBodies() {
		Random random = new Random(SEED + 1);
		return IntStream.range(0, 300).mapToObj((index) -> {
			List<@Nullable Object> keys = new ArrayList<>();
			int count = random.nextInt(4);
			for (int i = 0; i < count; i++) {
				keys.add((random.nextInt(4) == 0) ? randomValue(random, 1) : text(random));
			}
			Map<String, @Nullable Object> body = new LinkedHashMap<>();
			body.put("keys", keys);
			mutateTopLevel(random, body, "keys");
			String json = write(body);
			return Named.of(json, json);
		});
	}

	/**
	 * Returns a valid item with a text value, then changes up to three of its fields.
	 */
	private static Map<String, @Nullable Object> mutatedItem(Random random, String key) {
		Map<String, @Nullable Object> item = new LinkedHashMap<>();
		item.put("key", key);
		item.put("text", "value of " + key);
		item.put("ttl", "5m");
		item.put("tags", List.of("fuzz"));
		int mutations = random.nextInt(4);
		for (int i = 0; i < mutations; i++) {
			String field = ITEM_FIELDS.get(random.nextInt(ITEM_FIELDS.size()));
			if (random.nextInt(4) == 0) {
				item.remove(field);
			}
			else {
				item.put(field, fieldValue(random, field));
			}
		}
		return item;
	}

	/**
	 * Returns a value that is often of the field's own kind, such as a duration for
	 * {@code ttl}, and otherwise any JSON value.
	 */
	private static @Nullable Object fieldValue(Random random, String field) {
		if (random.nextBoolean()) {
			return randomValue(random, 2);
		}
		return switch (field) {
			case "ttl", "idle" ->
				List.of("90", "5m", "0", "-1", "1.5h", "31d", "PT5S", "", "99999999999999").get(random.nextInt(9));
			case "base64" -> List.of("AAEC", "***", "AAE", "", "////").get(random.nextInt(5));
			case "contentType" -> List.of("text/plain", "application/json", "not a type", "", "text/plain; charset")
				.get(random.nextInt(5));
			case "tags" -> IntStream.range(0, random.nextInt(140)).mapToObj((i) -> text(random)).toList();
			case "json" -> Map.of("nested", String.valueOf(randomValue(random, 1)));
			default -> text(random);
		};
	}

	private static void mutateTopLevel(Random random, Map<String, @Nullable Object> body, String field) {
		switch (random.nextInt(8)) {
			case 0 -> body.put(field, randomValue(random, 1));
			case 1 -> body.remove(field);
			case 2 -> body.put("unknown", randomValue(random, 1));
			default -> {
				// Most bodies keep their shape, so that the items' own checks run.
			}
		}
	}

	/**
	 * Returns a random JSON value: text with awkward characters, an integer, a decimal in
	 * exponent form, a boolean, null, or a short array or object of such values.
	 */
	private static @Nullable Object randomValue(Random random, int depth) {
		return switch (random.nextInt((depth > 0) ? 8 : 6)) {
			case 0, 1 -> text(random);
			case 2 -> random.nextLong() >> random.nextInt(64);
			case 3 -> new BigDecimal("1e" + (random.nextInt(800) - 400));
			case 4 -> random.nextBoolean();
			case 5 -> null;
			case 6 -> IntStream.range(0, random.nextInt(4)).mapToObj((i) -> randomValue(random, depth - 1)).toList();
			default -> Map.of("k", String.valueOf(randomValue(random, depth - 1)));
		};
	}

	private static String text(Random random) {
		StringBuilder text = new StringBuilder();
		int length = (random.nextInt(10) == 0) ? 1000 + random.nextInt(200) : random.nextInt(12);
		for (int i = 0; i < length; i++) {
			int codePoint = switch (random.nextInt(5)) {
				case 0 -> "/%+ .\\\"".charAt(random.nextInt(7));
				case 1 -> random.nextInt(0x20);
				case 2 -> 0xD800 + random.nextInt(0x800);
				case 3 -> 0x20 + random.nextInt(0x5F);
				default -> 0x10000 + random.nextInt(0x100000);
			};
			text.appendCodePoint(codePoint);
		}
		return text.toString();
	}

	/**
	 * Writes a value as JSON with every character outside printable ASCII escaped, so
	 * that unpaired surrogates reach the server as escapes rather than failing here.
	 */
	private static String write(@Nullable Object value) {
		if (value == null || value instanceof Boolean || value instanceof Number) {
			return String.valueOf(value);
		}
		if (value instanceof String text) {
			StringBuilder json = new StringBuilder("\"");
			for (char c : text.toCharArray()) {
				boolean plain = c >= 0x20 && c < 0x7F && c != '"' && c != '\\';
				json.append(plain ? String.valueOf(c) : "\\u%04x".formatted((int) c));
			}
			return json.append('"').toString();
		}
		if (value instanceof List<?> list) {
			return list.stream().map(BatchBodyFuzzTests::write).collect(Collectors.joining(",", "[", "]"));
		}
		return ((Map<?, ?>) value).entrySet()
			.stream()
			.map((entry) -> write(entry.getKey()) + ":" + write(entry.getValue()))
			.collect(Collectors.joining(",", "{", "}"));
	}

}
