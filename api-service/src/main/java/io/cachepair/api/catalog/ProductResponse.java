package io.cachepair.api.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * The JSON form of a product. Serialising equal products gives equal bytes, because tags
 * are sorted and times always have milliseconds, so a hit and a miss send the same body.
 *
 * @param id the id
 * @param sku the stock keeping unit
 * @param name the display name
 * @param description the description, left out of the JSON when absent
 * @param price the price, with the two decimal places stored
 * @param currency the ISO 4217 currency code
 * @param category the category
 * @param tags the labels, sorted
 * @param stock the number of units in stock
 * @param createdAt when the product was created, in UTC
 * @param updatedAt when the product was last changed, in UTC
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ProductResponse(long id, String sku, String name, @Nullable String description, BigDecimal price,
		String currency, String category, List<String> tags, int stock,
		@JsonFormat(shape = JsonFormat.Shape.STRING, pattern = TIMESTAMP_PATTERN, timezone = "UTC") Instant createdAt,
		@JsonFormat(shape = JsonFormat.Shape.STRING, pattern = TIMESTAMP_PATTERN, timezone = "UTC") Instant updatedAt) {

	/**
	 * ISO-8601 in UTC with milliseconds, such as {@code 2025-03-01T08:30:00.000Z}.
	 */
	static final String TIMESTAMP_PATTERN = "uuuu-MM-dd'T'HH:mm:ss.SSSX";

	static ProductResponse from(Product product) {
		List<String> tags = product.tags().stream().map(ProductTag::name).sorted().toList();
		return new ProductResponse(product.requireId(), product.sku(), product.name(), product.description(),
				product.price(), product.currency(), product.category(), tags, product.stock(), product.createdAt(),
				product.updatedAt());
	}

}
