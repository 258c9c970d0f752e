package io.cachepair.api.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Filters, orders and pages against the database, over a sample catalog of 300 products,
 * checked against the same rules applied in memory.
 */
@DataJdbcTest
@Import({ CatalogConfiguration.class, SampleCatalogLoader.class, ProductSearch.class })
@EnableConfigurationProperties(CatalogProperties.class)
@TestPropertySource(properties = { "cachepair.catalog.sample.size=300", "cachepair.catalog.sample.seed=11" })
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class ProductSearchTests {

	private static final List<Product> CATALOG = SampleCatalog.generate(300, 11);

	private static final List<String> SORTS = List.of("id", "name", "price", "updatedAt");

	@Autowired
	private ProductSearch search;

	@Test
	void categoryPageHasTotalAndTags() {
		ProductFilter laptops = ProductFilter.of("laptops", null, null, null, null);

		ProductSearch.ProductPage page = this.search.find(new PageQuery(laptops, ProductSort.DEFAULT, 0, 5));

		List<Product> expected = expected(laptops, ProductSort.DEFAULT);
		assertThat(page.products()).containsExactlyElementsOf(expected.subList(0, 5));
		assertThat(page.totalItems()).isEqualTo(expected.size());
	}

	@Test
	void searchIgnoresCaseAndNeedsEveryWord() {
		Product first = CATALOG.getFirst();
		String[] words = first.name().split(" ");
		ProductFilter filter = ProductFilter.of(null, null, words[0].toUpperCase(Locale.ROOT) + " " + words[1], null,
				null);

		ProductSearch.ProductPage page = this.search.find(new PageQuery(filter, ProductSort.DEFAULT, 0, 100));

		assertThat(page.products()).contains(first);
		assertThat(page.products())
			.allSatisfy((product) -> assertThat(product.name().toLowerCase(Locale.ROOT) + " " + product.description())
				.containsIgnoringCase(words[0])
				.containsIgnoringCase(words[1]));
	}

	@Test
	void likeWildcardsInSearchAreLiteral() {
		ProductFilter percent = ProductFilter.of(null, null, "%", null, null);
		ProductFilter underscore = ProductFilter.of(null, null, "_", null, null);

		assertThat(this.search.find(new PageQuery(percent, ProductSort.DEFAULT, 0, 10)).totalItems()).isZero();
		assertThat(this.search.find(new PageQuery(underscore, ProductSort.DEFAULT, 0, 10)).totalItems()).isZero();
	}

	@Test
	void priceRangeIsInclusive() {
		BigDecimal price = CATALOG.get(7).price();
		ProductFilter exact = ProductFilter.of(null, null, null, price, price);

		ProductSearch.ProductPage page = this.search.find(new PageQuery(exact, ProductSort.DEFAULT, 0, 100));

		assertThat(page.products()).contains(CATALOG.get(7));
		assertThat(page.products()).allSatisfy((product) -> assertThat(product.price()).isEqualByComparingTo(price));
	}

	@Test
	void pageBeyondLastIsEmptyWithTotal() {
		ProductSearch.ProductPage page = this.search
			.find(new PageQuery(ProductFilter.NONE, ProductSort.DEFAULT, 9, 100));

		assertThat(page.products()).isEmpty();
		assertThat(page.totalItems()).isEqualTo(300);
	}

	@ParameterizedTest
	@MethodSource("seeds")
	void randomQueryMatchesInMemoryRules(long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		ProductFilter filter = randomFilter(random);
		ProductSort sort = ProductSort
			.parse(SORTS.get(random.nextInt(SORTS.size())) + (random.nextBoolean() ? ",desc" : ",asc"));
		int size = 1 + random.nextInt(random.nextBoolean() ? 10 : 100);
		int page = random.nextInt(4);

		ProductSearch.ProductPage found = this.search.find(new PageQuery(filter, sort, page, size));

		List<Product> expected = expected(filter, sort);
		List<Product> expectedPage = expected.stream().skip((long) page * size).limit(size).toList();
		assertThat(found.products()).as("seed %d: %s sorted by %s", seed, filter, sort)
			.containsExactlyElementsOf(expectedPage);
		assertThat(found.totalItems()).as("seed %d: total", seed).isEqualTo(expected.size());
	}

	static Stream<Long> seeds() {
		return LongStream.rangeClosed(1, 40).boxed();
	}

	private static ProductFilter randomFilter(SplittableRandom random) {
		Product someProduct = CATALOG.get(random.nextInt(CATALOG.size()));
		String category = random.nextInt(3) == 0 ? someProduct.category() : null;
		List<String> tags = new ArrayList<>();
		someProduct.tags().stream().filter((tag) -> random.nextInt(3) == 0).forEach((tag) -> tags.add(tag.name()));
		String query = null;
		if (random.nextInt(3) == 0) {
			String[] words = someProduct.name().split(" ");
			String word = words[random.nextInt(words.length)];
			query = word.substring(0, Math.min(word.length(), 2 + random.nextInt(2)));
		}
		BigDecimal minPrice = random.nextInt(3) == 0 ? BigDecimal.valueOf(random.nextInt(50_000), 2) : null;
		BigDecimal maxPrice = random.nextInt(3) == 0 ? BigDecimal.valueOf(random.nextInt(300_000), 2) : null;
		return ProductFilter.of(category, tags, query, minPrice, maxPrice);
	}

	/**
	 * Applies the filter and order to the generated catalog in memory, the way the API
	 * documents them.
	 */
	private static List<Product> expected(ProductFilter filter, ProductSort sort) {
		return CATALOG.stream().filter((product) -> matches(filter, product)).sorted(comparator(sort)).toList();
	}

	private static boolean matches(ProductFilter filter, Product product) {
		List<String> tags = product.tags().stream().map(ProductTag::name).toList();
		String description = (product.description() != null) ? product.description() : "";
		String text = (product.name() + "\n" + description).toLowerCase(Locale.ROOT);
		return (filter.category() == null || filter.category().equals(product.category()))
				&& tags.containsAll(filter.tags()) && filter.searchTerms().stream().allMatch(text::contains)
				&& (filter.minPrice() == null || product.price().compareTo(filter.minPrice()) >= 0)
				&& (filter.maxPrice() == null || product.price().compareTo(filter.maxPrice()) <= 0);
	}

	private static Comparator<Product> comparator(ProductSort sort) {
		Comparator<Product> byField = switch (sort.field()) {
			case ID -> Comparator.comparing(Product::requireId);
			case NAME -> Comparator.comparing(Product::name);
			case PRICE -> Comparator.comparing(Product::price);
			case UPDATED_AT -> Comparator.comparing(Product::updatedAt);
		};
		Comparator<Product> withId = byField.thenComparing(Product::requireId);
		return sort.descending() ? withId.reversed() : withId;
	}

}
