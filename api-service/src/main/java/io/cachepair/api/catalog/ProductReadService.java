package io.cachepair.api.catalog;

import java.util.LinkedHashSet;
import java.util.Set;

import io.cachepair.api.cacheclient.CacheRead;
import io.cachepair.api.cacheclient.CacheableValue;
import io.cachepair.api.cacheclient.ReadThroughCache;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

/**
 * Reads products and pages of products through the cache-service, loading them from the
 * database on a miss.
 */
@Service
class ProductReadService {

	private final ProductRepository repository;

	private final ReadThroughCache cache;

	private final ProductJson json;

	private final CatalogProperties properties;

	ProductReadService(ProductRepository repository, ReadThroughCache cache, ProductJson json,
			CatalogProperties properties) {
		this.repository = repository;
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
	 * Reads the JSON of one page of products, ordered by id.
	 * @param query the page, its size and the optional category
	 * @return the JSON bytes and the path that served them
	 */
	CacheRead findPage(PageQuery query) {
		return this.cache.read(CatalogCaches.PRODUCT_PAGES, query.cacheKey(), this.properties.pageTtl(),
				() -> loadPage(query));
	}

	private CacheableValue loadProduct(long id) {
		Product product = this.repository.findById(id).orElseThrow(() -> new ProductNotFoundException(id));
		byte[] value = this.json.write(ProductResponse.from(product));
		return new CacheableValue(value, ProductJson.CONTENT_TYPE, Set.of(CatalogCaches.productTag(id)));
	}

	private CacheableValue loadPage(PageQuery query) {
		Pageable pageable = PageRequest.of(query.page(), query.size(), Sort.by("id"));
		Page<Product> page = (query.category() != null) ? this.repository.findAllByCategory(query.category(), pageable)
				: this.repository.findAll(pageable);
		byte[] value = this.json.write(ProductPageResponse.from(page));
		return new CacheableValue(value, ProductJson.CONTENT_TYPE, pageTags(page));
	}

	/**
	 * Returns the list tag, plus a tag per product when they all fit within the
	 * cache-service's limit of tags per entry.
	 */
	private Set<String> pageTags(Page<Product> page) {
		Set<String> tags = new LinkedHashSet<>();
		tags.add(CatalogCaches.ALL_PAGES_TAG);
		if (page.getNumberOfElements() < this.properties.maxTagsPerEntry()) {
			page.forEach((product) -> tags.add(CatalogCaches.productTag(product.requireId())));
		}
		return tags;
	}

}
