package io.cachepair.api.catalog;

import java.util.List;

import io.cachepair.api.cacheclient.Invalidation;

/**
 * Names of the cache-service caches that store catalog responses, their tags, and the
 * invalidations that each write needs.
 * <p>
 * Cache {@code products} stores one product's JSON under the key {@code {id}}, tagged
 * {@code product:{id}}. Cache {@code product-pages} stores list pages under their
 * generation and {@link PageQuery#cacheKey() normalised query}, each tagged
 * {@code product-pages} and {@code product:{id}} for every product on it.
 * <p>
 * Every write starts a new page generation, because a change of any product can move it
 * into, out of or within any list: a new name, price or update time reorders lists sorted
 * by them. The new generation hides every earlier page at once, even one that a slow read
 * stores after the write; removing tag {@code product-pages} then frees the memory of the
 * earlier pages. A replace or delete also leaves a tombstone in place of the product's
 * entry, instead of removing its tag, so that a read which loaded the old product cannot
 * store it again.
 */
final class CatalogCaches {

	static final String PRODUCTS = "products";

	static final String PRODUCT_PAGES = "product-pages";

	/**
	 * Tag on every list page.
	 */
	static final String ALL_PAGES_TAG = "product-pages";

	private CatalogCaches() {
	}

	static String productTag(long id) {
		return "product:" + id;
	}

	/**
	 * Returns the invalidations after a create: a new page generation, then the removal
	 * of every earlier page.
	 */
	static List<Invalidation> afterCreate(CatalogProperties properties) {
		return List.of(Invalidation.newGeneration(PRODUCT_PAGES, properties.pageGenerationTtl()),
				Invalidation.tagRemoval(PRODUCT_PAGES, ALL_PAGES_TAG));
	}

	/**
	 * Returns the invalidations after a replace or delete: a tombstone for the product,
	 * then those of a create.
	 */
	static List<Invalidation> afterChange(long id, CatalogProperties properties) {
		return List.of(Invalidation.tombstone(PRODUCTS, Long.toString(id), properties.productTtl()),
				Invalidation.newGeneration(PRODUCT_PAGES, properties.pageGenerationTtl()),
				Invalidation.tagRemoval(PRODUCT_PAGES, ALL_PAGES_TAG));
	}

}
