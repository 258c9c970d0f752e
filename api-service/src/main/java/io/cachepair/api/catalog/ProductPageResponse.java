package io.cachepair.api.catalog;

import java.util.List;

/**
 * The JSON form of one page of products.
 *
 * @param items the products of the page, in the requested order
 * @param page the zero-based page number
 * @param size the maximum number of products per page
 * @param totalItems the number of products that match, on all pages
 * @param totalPages the number of pages
 */
record ProductPageResponse(List<ProductResponse> items, int page, int size, long totalItems, long totalPages) {

	static ProductPageResponse from(PageQuery query, ProductSearch.ProductPage page) {
		List<ProductResponse> items = page.products().stream().map(ProductResponse::from).toList();
		long totalPages = (page.totalItems() + query.size() - 1) / query.size();
		return new ProductPageResponse(items, query.page(), query.size(), page.totalItems(), totalPages);
	}

}
