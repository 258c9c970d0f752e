package io.cachepair.api.catalog;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.cachepair.api.cacheclient.CacheRead;
import io.cachepair.api.cacheclient.CacheStatus;
import io.cachepair.api.cacheclient.ContentETag;
import io.cachepair.api.web.JsonConfiguration;
import io.cachepair.api.web.JsonResponses;
import io.cachepair.api.web.WellFormedTextValidator;
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
 * Fuzz tests of the list parameters over seeded random query strings: any mix of the
 * known parameters and an unknown one, with numbers of any size and form and text with
 * awkward characters. Every query must get 200 or a 400 problem naming each bad
 * parameter, and every query that reaches the read service must keep the limits that the
 * search and the cache key rely on.
 */
@WebMvcTest(ProductController.class)
@Import({ ProductJson.class, JsonConfiguration.class, JsonResponses.class })
class ListParameterFuzzTests {

	private static final long SEED = 20261204L;

	private static final List<String> PARAMETERS = List.of("page", "size", "category", "tag", "tag", "q", "minPrice",
			"maxPrice", "sort", "unknown");

	private static final byte[] PAGE_JSON = "{\"items\":[]}".getBytes(StandardCharsets.UTF_8);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private ProductReadService reads;

	@MockitoBean
	private ProductWriteService writes;

	private final List<PageQuery> queries = new ArrayList<>();

	@BeforeEach
	void recordEveryQuery() {
		given(this.reads.findPage(any())).willAnswer((invocation) -> {
			this.queries.add(invocation.getArgument(0));
			return new CacheRead(PAGE_JSON, "application/json", ContentETag.of(PAGE_JSON), CacheStatus.MISS);
		});
	}

	@ParameterizedTest(name = "{index}: {0}")
	@MethodSource("randomQueries")
	void randomQueryIsListedOrRejectedWithProblem(URI uri) {
		MvcTestResult result = this.mvc.get().uri(uri).exchange();

		int status = result.getResponse().getStatus();
		assertThat(status).as("status").isIn(200, 400);
		if (status == 400) {
			assertProblem(result);
		}
		else {
			assertThat(this.queries).hasSize(1);
			assertWithinLimits(this.queries.get(0));
		}
	}

	private static void assertProblem(MvcTestResult result) {
		assertThat(result.getResponse().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		JsonNode problem = JSON.readTree(result.getResponse().getContentAsByteArray());
		assertThat(problem.path("title").asString()).as("title").isNotBlank();
		assertThat(problem.path("detail").asString()).as("detail").isNotBlank();
		assertThat(problem.path("errors").isEmpty()).as("errors listed").isFalse();
		for (JsonNode error : problem.path("errors")) {
			assertThat(error.path("parameter").asString()).as("parameter of %s", error).isIn(PARAMETERS);
		}
	}

	private static void assertWithinLimits(PageQuery query) {
		ProductFilter filter = query.filter();
		assertThat(query.page()).isNotNegative();
		assertThat(query.size()).isBetween(1, PageQuery.MAX_SIZE);
		assertThat(filter.tags()).hasSizeLessThanOrEqualTo(10)
			.allSatisfy((tag) -> assertThat(WellFormedTextValidator.isWellFormed(tag, false)).isTrue());
		if (filter.category() != null) {
			assertThat(WellFormedTextValidator.isWellFormed(filter.category(), false)).isTrue();
		}
		assertThat(filter.searchTerms()).allSatisfy((term) -> assertThat(term).isNotBlank());
		assertThat(filter.hasEmptyPriceRange()).isFalse();
		String key = query.cacheKey();
		assertThat(key.length() <= 512 || key.startsWith("sha256:")).as("cache key %s", key).isTrue();
		assertThat(key.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1000);
	}

	static Stream<Named<URI>> randomQueries() {
		Random random = new Random(SEED);
		return IntStream.range(0, 1000).mapToObj((index) -> {
			StringBuilder query = new StringBuilder();
			int parameters = random.nextInt(6);
			for (int i = 0; i < parameters; i++) {
				String name = PARAMETERS.get(random.nextInt(PARAMETERS.size()));
				query.append((i == 0) ? "?" : "&")
					.append(name)
					.append('=')
					.append(URLEncoder.encode(value(random, name), StandardCharsets.UTF_8));
			}
			URI uri = URI.create("/api/v1/products" + query);
			return Named.of(uri.toString(), uri);
		});
	}

	/**
	 * Returns a value that is often valid for the parameter and otherwise a number in
	 * another form or text with awkward characters.
	 */
	private static String value(Random random, String name) {
		return switch (random.nextInt(5)) {
			case 0 -> number(random);
			case 1 -> text(random);
			default -> switch (name) {
				case "page" -> Integer.toString(random.nextInt(5));
				case "size" -> Integer.toString(1 + random.nextInt(120));
				case "minPrice", "maxPrice" -> random.nextInt(2000) + "." + random.nextInt(100);
				case "sort" -> List.of("id", "name", "price", "updatedAt").get(random.nextInt(4))
						+ List.of("", ",asc", ",desc", ",up").get(random.nextInt(4));
				default -> text(random);
			};
		};
	}

	private static String number(Random random) {
		return switch (random.nextInt(6)) {
			case 0 -> Long.toString(random.nextLong());
			case 1 -> Integer.toString(random.nextInt(200) - 100);
			case 2 -> "1e" + (random.nextInt(40) - 20);
			case 3 -> "0x" + Integer.toHexString(random.nextInt(100));
			case 4 -> random.nextInt(100) + "." + "9".repeat(random.nextInt(5));
			default -> "9".repeat(5 + random.nextInt(30));
		};
	}

	private static String text(Random random) {
		StringBuilder text = new StringBuilder();
		int length = (random.nextInt(8) == 0) ? 60 + random.nextInt(60) : random.nextInt(10);
		for (int i = 0; i < length; i++) {
			int codePoint = switch (random.nextInt(5)) {
				case 0 -> ",;&=%+ \t\n".charAt(random.nextInt(9));
				case 1 -> random.nextInt(0x20);
				case 2 -> 0x20 + random.nextInt(0x5F);
				case 3 -> 0xA0 + random.nextInt(0xD800 - 0xA0);
				default -> 0x10000 + random.nextInt(0x100000);
			};
			text.appendCodePoint(codePoint);
		}
		return text.toString();
	}

}
