package io.cachepair.api.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;

/**
 * A product of the catalog, stored with its tags as one aggregate in tables
 * {@code product} and {@code product_tag}.
 *
 * @param id the generated id, or {@code null} before the first insert
 * @param sku the stock keeping unit, unique in the catalog
 * @param name the display name
 * @param description the optional description
 * @param price the price in {@code currency}, with two decimal places
 * @param currency the ISO 4217 currency code
 * @param category the category
 * @param tags the labels, such as {@code wireless}
 * @param stock the number of units in stock
 * @param createdAt when the product was created
 * @param updatedAt when the product was last changed
 * @param version the optimistic locking version, or {@code null} before the first insert
 */
record Product(@Id @Nullable Long id, String sku, String name, @Nullable String description, BigDecimal price,
		String currency, String category, @MappedCollection Set<ProductTag> tags, int stock, Instant createdAt,
		Instant updatedAt, @Version @Nullable Long version) {

	/**
	 * Returns the id of a product that has been stored.
	 * @return the id
	 * @throws IllegalStateException if the product was never inserted
	 */
	long requireId() {
		if (this.id == null) {
			throw new IllegalStateException("Product with SKU '" + this.sku + "' has no id before its first insert");
		}
		return this.id;
	}

}
