package io.cachepair.api.catalog;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A request for one page of products: filters, order and position.
 *
 * @param filter which products to list
 * @param sort their order
 * @param page the zero-based page number
 * @param size the maximum number of products per page
 */
record PageQuery(ProductFilter filter, ProductSort sort, int page, int size) {

	static final int MAX_SIZE = 100;

	/**
	 * Maximum length of a cache key kept readable. The cache-service accepts keys up to
	 * 1024 UTF-8 bytes, and a key starts with a generation of 23 characters, so longer
	 * keys are replaced by their digest.
	 */
	private static final int MAX_READABLE_KEY_LENGTH = 512;

	/**
	 * Returns the number of products that come before this page.
	 */
	long offset() {
		return (long) this.page * this.size;
	}

	/**
	 * Returns the cache key of the page: every parameter in alphabetical order, with each
	 * value normalised and form-encoded, so that equal queries get equal keys and no
	 * value can imitate another parameter.
	 * @return a key such as {@code category=laptops&page=0&size=20&sort=id,asc}, or
	 * {@code sha256:} and a digest of such a key when it is longer than 512 characters
	 */
	String cacheKey() {
		List<String> parameters = new ArrayList<>();
		add(parameters, "category", this.filter.category());
		add(parameters, "maxPrice", plain(this.filter.maxPrice()));
		add(parameters, "minPrice", plain(this.filter.minPrice()));
		add(parameters, "page", Integer.toString(this.page));
		add(parameters, "q", this.filter.searchTerms().isEmpty() ? null : String.join(" ", this.filter.searchTerms()));
		add(parameters, "size", Integer.toString(this.size));
		add(parameters, "sort", this.sort.toString());
		this.filter.tags().forEach((tag) -> add(parameters, "tag", tag));
		String key = String.join("&", parameters);
		return (key.length() <= MAX_READABLE_KEY_LENGTH) ? key : "sha256:" + digest(key);
	}

	private static void add(List<String> parameters, String name, @Nullable String value) {
		if (value != null) {
			parameters.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8).replace("%2C", ","));
		}
	}

	private static @Nullable String plain(@Nullable BigDecimal price) {
		return (price != null) ? price.stripTrailingZeros().toPlainString() : null;
	}

	private static String digest(String key) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform must support SHA-256", ex);
		}
	}

}
