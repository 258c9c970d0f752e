package io.cachepair.api.catalog;

import java.util.List;

import io.cachepair.api.cacheclient.CacheTag;

/**
 * Names of the cache-service caches that store catalog responses, their tags, and the
 * tags that each write makes stale.
 * <p>
 * Cache {@code products} stores one product's JSON under the key {@code {id}}, tagged
 * {@code product:{id}}. Cache {@code product-pages} stores list pages under their
 * {@link PageQuery#cacheKey() normalised query}, each tagged {@code product-pages}, and
 * also {@code product:{id}} for every product on it when that many tags fit within the
 * cache-service's limit per entry.
 */
final class CatalogCaches {

	static final String PRODUCTS = "products";

	static final String PRODUCT_PAGES = "product-pages";

	/**
	 * Tag on every list page, removed when a write changes which products a page lists or
	 * the totals.
	 */
	static final String ALL_PAGES_TAG = "product-pages";

	private CatalogCaches() {
	}

	static String productTag(long id) {
		return "product:" + id;
	}

	/**
	 * Returns the tags that a new product makes stale: every list page, because totals
	 * change and later pages shift.
	 */
	static List<CacheTag> staleAfterCreate() {
		return List.of(new CacheTag(PRODUCT_PAGES, ALL_PAGES_TAG));
	}

	/**
	 * Returns the tags that a replaced product makes stale. Pages are ordered by id, so
	 * the same category keeps the product on the same pages, and only those pages change,
	 * as long as every page carries its products' tags. A new category moves the product
	 * between lists, which changes every page.
	 * @param before the product as it was
	 * @param after the product as stored now
	 * @param pagesCarryProductTags whether every list page is tagged with the products on
	 * it
	 */
	static List<CacheTag> staleAfterReplace(Product before, Product after, boolean pagesCarryProductTags) {
		long id = after.requireId();
		boolean samePages = pagesCarryProductTags && before.category().equals(after.category());
		String pagesTag = samePages ? productTag(id) : ALL_PAGES_TAG;
		return List.of(new CacheTag(PRODUCTS, productTag(id)), new CacheTag(PRODUCT_PAGES, pagesTag));
	}

	/**
	 * Returns the tags that a deleted product makes stale: the product and every list
	 * page.
	 */
	static List<CacheTag> staleAfterDelete(long id) {
		return List.of(new CacheTag(PRODUCTS, productTag(id)), new CacheTag(PRODUCT_PAGES, ALL_PAGES_TAG));
	}

}
