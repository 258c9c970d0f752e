package io.cachepair.api.catalog;

import io.cachepair.api.cacheclient.CacheTag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogCachesTests {

	private static final Product LAPTOP = TestProducts.storedProduct(5);

	private static final Product MOVED = new Product(5L, LAPTOP.sku(), LAPTOP.name(), LAPTOP.description(),
			LAPTOP.price(), LAPTOP.currency(), "monitors", LAPTOP.tags(), LAPTOP.stock(), LAPTOP.createdAt(),
			LAPTOP.updatedAt(), 1L);

	@Test
	void createMakesEveryPageStale() {
		assertThat(CatalogCaches.staleAfterCreate()).containsExactly(new CacheTag("product-pages", "product-pages"));
	}

	@Test
	void deleteMakesProductAndEveryPageStale() {
		assertThat(CatalogCaches.staleAfterDelete(5)).containsExactly(new CacheTag("products", "product:5"),
				new CacheTag("product-pages", "product-pages"));
	}

	@Test
	void sameCategoryReplaceWithTaggedPages() {
		assertThat(CatalogCaches.staleAfterReplace(LAPTOP, LAPTOP, true))
			.containsExactly(new CacheTag("products", "product:5"), new CacheTag("product-pages", "product:5"));
	}

	@Test
	void sameCategoryReplaceWithUntaggedPages() {
		assertThat(CatalogCaches.staleAfterReplace(LAPTOP, LAPTOP, false))
			.containsExactly(new CacheTag("products", "product:5"), new CacheTag("product-pages", "product-pages"));
	}

	@Test
	void categoryChangeMakesEveryPageStale() {
		assertThat(CatalogCaches.staleAfterReplace(LAPTOP, MOVED, true))
			.containsExactly(new CacheTag("products", "product:5"), new CacheTag("product-pages", "product-pages"));
	}

	@Test
	void pageKeyEncodesCategory() {
		assertThat(new PageQuery(0, 20, null).cacheKey()).isEqualTo("page=0&size=20");
		assertThat(new PageQuery(3, 5, "laptops").cacheKey()).isEqualTo("category=laptops&page=3&size=5");
		assertThat(new PageQuery(0, 20, "a&page=1").cacheKey()).isEqualTo("category=a%26page%3D1&page=0&size=20");
	}

}
