package io.cachepair.api.catalog;

import java.util.List;

import org.springframework.data.domain.Page;

/**
 * The JSON form of one page of products.
 *
 * @param items the products of the page, ordered by id
 * @param page the zero-based page number
 * @param size the maximum number of products per page
 * @param totalItems the number of products that match, on all pages
 * @param totalPages the number of pages
 */
record ProductPageResponse(List<ProductResponse> items, int page, int size, long totalItems, int totalPages) {

	static ProductPageResponse from(Page<Product> page) {
		List<ProductResponse> items = page.getContent().stream().map(ProductResponse::from).toList();
		return new ProductPageResponse(items, page.getNumber(), page.getSize(), page.getTotalElements(),
				page.getTotalPages());
	}

}
