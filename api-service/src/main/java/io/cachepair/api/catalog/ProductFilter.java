package io.cachepair.api.catalog;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * The filter of a product list. A product is listed when it meets every condition that is
 * set.
 *
 * @param category the category, or {@code null} for every category
 * @param tags labels that each product must carry, sorted and without duplicates
 * @param searchTerms lower-case words that must each occur in the name or the
 * description, sorted and without duplicates
 * @param minPrice the lowest price, inclusive, or {@code null}
 * @param maxPrice the highest price, inclusive, or {@code null}
 */
record ProductFilter(@Nullable String category, List<String> tags, List<String> searchTerms,
		@Nullable BigDecimal minPrice, @Nullable BigDecimal maxPrice) {

	static final ProductFilter NONE = new ProductFilter(null, List.of(), List.of(), null, null);

	/**
	 * Creates a filter from request parameters, treating blank text as absent.
	 * @param category the {@code category} parameter
	 * @param tags the {@code tag} parameters
	 * @param query the {@code q} parameter, split into words at white space
	 * @param minPrice the {@code minPrice} parameter
	 * @param maxPrice the {@code maxPrice} parameter
	 * @return the filter
	 */
	static ProductFilter of(@Nullable String category, @Nullable List<String> tags, @Nullable String query,
			@Nullable BigDecimal minPrice, @Nullable BigDecimal maxPrice) {
		String categoryOrAll = (category == null || category.isBlank()) ? null : category;
		List<String> sortedTags = (tags != null) ? List.copyOf(new TreeSet<>(tags)) : List.of();
		return new ProductFilter(categoryOrAll, sortedTags, searchTerms(query), minPrice, maxPrice);
	}

	private static List<String> searchTerms(@Nullable String query) {
		if (query == null || query.isBlank()) {
			return List.of();
		}
		TreeSet<String> terms = Arrays.stream(query.strip().split("\\s+"))
			.map((term) -> term.toLowerCase(Locale.ROOT))
			.collect(TreeSet::new, TreeSet::add, TreeSet::addAll);
		return List.copyOf(terms);
	}

	/**
	 * Returns whether the price range is empty because its lower end is above its upper
	 * end.
	 */
	boolean hasEmptyPriceRange() {
		return this.minPrice != null && this.maxPrice != null && this.minPrice.compareTo(this.maxPrice) > 0;
	}

}
