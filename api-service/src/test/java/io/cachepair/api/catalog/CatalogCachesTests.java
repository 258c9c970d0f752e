package io.cachepair.api.catalog;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import io.cachepair.api.cacheclient.Invalidation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogCachesTests {

	private static final CatalogProperties PROPERTIES = new CatalogProperties(Duration.ofMinutes(10),
			Duration.ofMinutes(1), Duration.ofHours(1), 128, new CatalogProperties.Sample(0, 1));

	@Test
	void createStartsNewPageGenerationAndRemovesPages() {
		assertThat(CatalogCaches.afterCreate(PROPERTIES)).containsExactly(
				Invalidation.newGeneration("product-pages", Duration.ofHours(1)),
				Invalidation.tagRemoval("product-pages", "product-pages"));
	}

	@Test
	void changeLeavesTombstoneFirst() {
		assertThat(CatalogCaches.afterChange(5, PROPERTIES)).containsExactly(
				Invalidation.tombstone("products", "5", Duration.ofMinutes(10)),
				Invalidation.newGeneration("product-pages", Duration.ofHours(1)),
				Invalidation.tagRemoval("product-pages", "product-pages"));
	}

	@Test
	void pageKeyListsParametersInOrder() {
		assertThat(query(ProductFilter.NONE, 0, 20).cacheKey()).isEqualTo("page=0&size=20&sort=id,asc");
		ProductFilter filter = ProductFilter.of("laptops", List.of("oled", "4k", "oled"), "  Pro   LIGHT pro ",
				new BigDecimal("10.50"), new BigDecimal("600.00"));
		assertThat(new PageQuery(filter, ProductSort.parse("price,desc"), 3, 5).cacheKey())
			.isEqualTo("category=laptops&maxPrice=600&minPrice=10.5&page=3&q=light+pro&size=5&sort=price,desc"
					+ "&tag=4k&tag=oled");
	}

	@Test
	void pageKeyEncodesValues() {
		ProductFilter filter = ProductFilter.of("a&page=1", List.of(), null, null, null);

		assertThat(query(filter, 0, 20).cacheKey()).isEqualTo("category=a%26page%3D1&page=0&size=20&sort=id,asc");
	}

	@Test
	void equalPricesGiveEqualKeys() {
		ProductFilter ten = ProductFilter.of(null, null, null, new BigDecimal("10"), null);
		ProductFilter tenWithCents = ProductFilter.of(null, null, null, new BigDecimal("10.00"), null);

		assertThat(query(ten, 0, 20).cacheKey()).isEqualTo(query(tenWithCents, 0, 20).cacheKey());
	}

	@Test
	void longKeyIsReplacedByDigest() {
		ProductFilter filter = ProductFilter.of(null, null, "ü".repeat(100), null, null);

		String key = query(filter, 0, 20).cacheKey();

		assertThat(key).startsWith("sha256:").hasSize(50);
		assertThat(query(ProductFilter.of(null, null, "ü".repeat(99), null, null), 0, 20).cacheKey()).isNotEqualTo(key);
	}

	@Test
	void sortParsesFieldAndDirection() {
		assertThat(ProductSort.parse("updatedAt,desc")).isEqualTo(new ProductSort(ProductSort.Field.UPDATED_AT, true));
		assertThat(ProductSort.parse("name")).isEqualTo(new ProductSort(ProductSort.Field.NAME, false));
		assertThat(ProductSort.parse("updatedAt,desc").orderBy()).isEqualTo("p.updated_at DESC, p.id DESC");
		assertThat(ProductSort.DEFAULT.orderBy()).isEqualTo("p.id ASC");
	}

	private static PageQuery query(ProductFilter filter, int page, int size) {
		return new PageQuery(filter, ProductSort.DEFAULT, page, size);
	}

}
