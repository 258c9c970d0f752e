package io.cachepair.api.catalog;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.cachepair.api.cacheclient.CacheRead;
import io.cachepair.api.cacheclient.CacheableValue;
import io.cachepair.api.cacheclient.ReadThroughCache;

import org.springframework.stereotype.Service;

/**
 * Reads products and pages of products through the cache-service, loading them from the
 * database on a miss.
 */
@Service
class ProductReadService {

	private final ProductRepository repository;

	private final ProductSearch search;

	private final ReadThroughCache cache;

	private final ProductJson json;

	private final CatalogProperties properties;

	ProductReadService(ProductRepository repository, ProductSearch search, ReadThroughCache cache, ProductJson json,
			CatalogProperties properties) {
		this.repository = repository;
		this.search = search;
		this.cache = cache;
		this.json = json;
		this.properties = properties;
	}

	/**
	 * Reads one product's JSON.
	 * @param id the product's id
	 * @return the JSON bytes and the path that served them
	 * @throws ProductNotFoundException if no product has the id
	 */
	CacheRead findById(long id) {
		return this.cache.read(CatalogCaches.PRODUCTS, Long.toString(id), this.properties.productTtl(),
				() -> loadProduct(id));
	}

	/**
	 * Reads the JSON of one page of products.
	 * @param query the filter, order and page
	 * @return the JSON bytes and the path that served them
	 */
	CacheRead findPage(PageQuery query) {
		return this.cache.readInGeneration(CatalogCaches.PRODUCT_PAGES, query.cacheKey(), this.properties.pageTtl(),
				this.properties.pageGenerationTtl(), () -> loadPage(query));
	}

	private CacheableValue loadProduct(long id) {
		Product product = this.repository.findById(id).orElseThrow(() -> new ProductNotFoundException(id));
		byte[] value = this.json.write(ProductResponse.from(product));
		return new CacheableValue(value, ProductJson.CONTENT_TYPE, Set.of(CatalogCaches.productTag(id)));
	}

	private CacheableValue loadPage(PageQuery query) {
		ProductSearch.ProductPage page = this.search.find(query);
		byte[] value = this.json.write(ProductPageResponse.from(query, page));
		return new CacheableValue(value, ProductJson.CONTENT_TYPE, pageTags(page.products()));
	}

	/**
	 * Returns the list tag and a tag per product, leaving out the products' tags only
	 * when they would exceed the cache-service's limit of tags per entry.
	 */
	private Set<String> pageTags(List<Product> products) {
		Set<String> tags = new LinkedHashSet<>();
		tags.add(CatalogCaches.ALL_PAGES_TAG);
		if (products.size() < this.properties.maxTagsPerEntry()) {
			products.forEach((product) -> tags.add(CatalogCaches.productTag(product.requireId())));
		}
		return tags;
	}

}
