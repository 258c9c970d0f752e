package io.cachepair.api.catalog;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * A request for one page of products.
 *
 * @param page the zero-based page number
 * @param size the maximum number of products per page
 * @param category the category to list, or {@code null} for every category
 */
record PageQuery(int page, int size, @Nullable String category) {

	static final int MAX_SIZE = 100;

	/**
	 * Returns the cache key of the page: the parameters in a fixed order, with the
	 * category form-encoded so that no category can imitate another key.
	 * @return a key such as {@code category=laptops&page=0&size=20}
	 */
	String cacheKey() {
		String pageAndSize = "page=" + this.page + "&size=" + this.size;
		if (this.category == null) {
			return pageAndSize;
		}
		return "category=" + URLEncoder.encode(this.category, StandardCharsets.UTF_8) + "&" + pageAndSize;
	}

}
