package io.cachepair.api.catalog;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.cachepair.api.web.JsonConfiguration;
import io.cachepair.api.web.JsonResponses;
import io.cachepair.api.web.WellFormedTextValidator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;

/**
 * Fuzz tests of product bodies over seeded random mutations of a valid body: fields
 * removed, replaced by values of any JSON type, or added, and bytes replaced, inserted or
 * removed. Every body must get 201 or a 400 problem naming what is wrong, never a server
 * error, and every body that reaches the write service must be one the database stores as
 * sent.
 */
@WebMvcTest(ProductController.class)
@Import({ ProductJson.class, JsonConfiguration.class, JsonResponses.class })
class ProductBodyFuzzTests {

	private static final long SEED = 20261204L;

	private static final String VALID_BODY = """
			{"sku":"KIT-1","name":"Lumen Air Kettle 2","description":"A kettle.","price":24.90,"currency":"EUR",\
			"category":"kitchen","tags":["compact","steel"],"stock":5}""";

	private static final List<String> FIELDS = List.of("sku", "name", "description", "price", "currency", "category",
			"tags", "stock", "id", "createdAt", "unknown");

	/**
	 * Bytes that byte mutations insert, chosen to make JSON that is almost valid.
	 */
	private static final String JSON_CHARACTERS = "{}[]\",:0123456789.-eE\\ nulltrue\u007f";

	private static final Pattern SKU = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private ProductReadService reads;

	@MockitoBean
	private ProductWriteService writes;

	private final List<ProductRequest> accepted = new ArrayList<>();

	@BeforeEach
	void storeEveryAcceptedRequest() {
		given(this.writes.create(any())).willAnswer((invocation) -> {
			ProductRequest request = invocation.getArgument(0);
			this.accepted.add(request);
			Product product = request.toNewProduct(Instant.parse("2026-01-01T00:00:00Z"));
			return new Product(10_001L, product.sku(), product.name(), product.description(), product.price(),
					product.currency(), product.category(), product.tags(), product.stock(), product.createdAt(),
					product.updatedAt(), 0L);
		});
	}

	@ParameterizedTest(name = "{index}: {0}")
	@MethodSource({ "fieldMutations", "byteMutations" })
	void mutatedBodyIsCreatedOrRejectedWithProblem(byte[] body) {
		MvcTestResult result = this.mvc.post()
			.uri("/api/v1/products")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();

		int status = result.getResponse().getStatus();
		assertThat(status).as("status").isIn(201, 400);
		if (status == 400) {
			assertProblem(result);
		}
		else {
			assertThat(this.accepted).hasSize(1);
			assertStorable(this.accepted.get(0));
		}
	}

	private static void assertProblem(MvcTestResult result) {
		assertThat(result.getResponse().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		JsonNode problem = JSON.readTree(result.getResponse().getContentAsByteArray());
		assertThat(problem.path("title").asString()).as("title").isNotBlank();
		assertThat(problem.path("detail").asString()).as("detail").isNotBlank();
		for (JsonNode error : problem.path("errors")) {
			assertThat(error.path("field").asString()).as("field of %s", error).isNotBlank();
			assertThat(error.path("detail").asString()).as("detail of %s", error).isNotBlank();
		}
	}

	/**
	 * Checks what validation promises about a body it let through.
	 */
	private static void assertStorable(ProductRequest request) {
		assertThat(request.sku()).matches(SKU);
		assertThat(request.name()).isNotBlank().hasSizeLessThanOrEqualTo(200);
		assertThat(WellFormedTextValidator.isWellFormed(request.name(), false)).as("name").isTrue();
		if (request.description() != null) {
			assertThat(request.description()).hasSizeLessThanOrEqualTo(2000);
			assertThat(WellFormedTextValidator.isWellFormed(request.description(), true)).as("description").isTrue();
		}
		assertThat(request.price()).isGreaterThanOrEqualTo(BigDecimal.ZERO);
		assertThat(request.price().stripTrailingZeros().scale()).as("price scale").isLessThanOrEqualTo(2);
		assertThat(request.price().precision() - request.price().scale()).as("price integer digits")
			.isLessThanOrEqualTo(10);
		assertThat(request.currency()).matches("[A-Z]{3}");
		assertThat(WellFormedTextValidator.isWellFormed(request.category(), false)).as("category").isTrue();
		assertThat(request.stock()).isNotNegative();
		if (request.tags() != null) {
			assertThat(request.tags()).hasSizeLessThanOrEqualTo(20)
				.allSatisfy((tag) -> assertThat(WellFormedTextValidator.isWellFormed(tag, false)).isTrue());
		}
	}

	static Stream<Named<byte[]>> fieldMutations() {
		Random random = new Random(SEED);
		return IntStream.range(0, 600).mapToObj((index) -> {
			Map<String, @Nullable Object> body = validBody();
			int mutations = 1 + random.nextInt(3);
			for (int i = 0; i < mutations; i++) {
				String field = FIELDS.get(random.nextInt(FIELDS.size()));
				if (random.nextInt(4) == 0) {
					body.remove(field);
				}
				else {
					body.put(field, randomValue(random, 2));
				}
			}
			String json = write(body);
			return Named.of(json, json.getBytes(StandardCharsets.UTF_8));
		});
	}

	static Stream<Named<byte[]>> byteMutations() {
		Random random = new Random(SEED + 1);
		byte[] valid = VALID_BODY.getBytes(StandardCharsets.UTF_8);
		return IntStream.range(0, 400).mapToObj((index) -> {
			List<Byte> bytes = new ArrayList<>();
			for (byte b : valid) {
				bytes.add(b);
			}
			int edits = 1 + random.nextInt(4);
			for (int i = 0; i < edits && !bytes.isEmpty(); i++) {
				int position = random.nextInt(bytes.size());
				byte value = (byte) JSON_CHARACTERS.charAt(random.nextInt(JSON_CHARACTERS.length()));
				switch (random.nextInt(3)) {
					case 0 -> bytes.set(position, random.nextBoolean() ? value : (byte) random.nextInt(256));
					case 1 -> bytes.add(position, value);
					default -> bytes.remove(position);
				}
			}
			byte[] body = new byte[bytes.size()];
			for (int i = 0; i < body.length; i++) {
				body[i] = bytes.get(i);
			}
			return Named.of(new String(body, StandardCharsets.ISO_8859_1), body);
		});
	}

	private static Map<String, @Nullable Object> validBody() {
		Map<String, @Nullable Object> body = new LinkedHashMap<>();
		JSON.readTree(VALID_BODY)
			.properties()
			.forEach((entry) -> body.put(entry.getKey(), JSON.treeToValue(entry.getValue(), Object.class)));
		return body;
	}

	/**
	 * Returns a random JSON value: text with awkward characters, an integer or decimal of
	 * any size and scale, a boolean, null, or a short array or object of such values.
	 */
	private static @Nullable Object randomValue(Random random, int depth) {
		return switch (random.nextInt((depth > 0) ? 9 : 7)) {
			case 0, 1 -> randomText(random);
			case 2 -> random.nextLong() >> random.nextInt(64);
			case 3 -> new BigDecimal(random.nextLong() >> random.nextInt(64)).movePointLeft(random.nextInt(6));
			case 4 -> new BigDecimal("1e" + (random.nextInt(800) - 400));
			case 5 -> random.nextBoolean();
			case 6 -> null;
			case 7 -> IntStream.range(0, random.nextInt(25)).mapToObj((i) -> randomValue(random, depth - 1)).toList();
			default -> Map.of("k" + random.nextInt(3), String.valueOf(randomValue(random, depth - 1)));
		};
	}

	private static String randomText(Random random) {
		StringBuilder text = new StringBuilder();
		int length = (random.nextInt(10) == 0) ? 180 + random.nextInt(2100) : random.nextInt(12);
		for (int i = 0; i < length; i++) {
			int codePoint = switch (random.nextInt(6)) {
				case 0 -> "EURkitchen-_.9 \t\n".charAt(random.nextInt(17));
				case 1 -> random.nextInt(0x20);
				case 2 -> 0xD800 + random.nextInt(0x800);
				case 3 -> 0x20 + random.nextInt(0x5F);
				case 4 -> 0xA0 + random.nextInt(0xD800 - 0xA0);
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
			return (value instanceof BigDecimal decimal) ? decimal.toString() : String.valueOf(value);
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
			return list.stream().map(ProductBodyFuzzTests::write).collect(Collectors.joining(",", "[", "]"));
		}
		Map<?, ?> map = (Map<?, ?>) value;
		return map.entrySet()
			.stream()
			.map((entry) -> write(entry.getKey()) + ":" + write(entry.getValue()))
			.collect(Collectors.joining(",", "{", "}"));
	}

}
