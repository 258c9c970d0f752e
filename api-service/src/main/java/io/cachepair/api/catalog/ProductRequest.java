package io.cachepair.api.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.cachepair.api.web.WellFormedText;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The body of a create or replace request. Bean Validation rejects a request with a
 * missing required field, or with text that the database would not store as sent, before
 * any method here runs.
 * <p>
 * The fields that only the service sets, {@code id}, {@code createdAt} and
 * {@code updatedAt}, are accepted and ignored, so that a client may send back the JSON it
 * read with its changes; any other unknown field is rejected.
 *
 * @param sku the stock keeping unit, unique in the catalog
 * @param name the display name
 * @param description the optional description
 * @param price the price, with at most two decimal places
 * @param currency the ISO 4217 currency code
 * @param category the category
 * @param tags the optional labels
 * @param stock the number of units in stock
 */
@JsonIgnoreProperties({ "id", "createdAt", "updatedAt" })
record ProductRequest(@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*",
		message = "must start with a letter or digit and contain only letters, digits, '.', '_' and '-'") String sku,
		@NotBlank @Size(max = 200) @WellFormedText String name,
		@Size(max = 2000) @WellFormedText(multiline = true) @Nullable String description,
		@NotNull @DecimalMin("0.00") @Digits(integer = 10, fraction = 2) BigDecimal price,
		@NotNull @CurrencyCode String currency, @NotBlank @Size(max = 64) @WellFormedText String category,
		@Size(max = 20) @Nullable List<@NotBlank @Size(max = 64) @WellFormedText @Pattern(regexp = "[^,]*",
				message = "must not contain a comma, which separates tags in the tag filter") String> tags,
		@NotNull @PositiveOrZero Integer stock) {

	Product toNewProduct(Instant now) {
		return new Product(null, this.sku, this.name, this.description, storedPrice(), this.currency, this.category,
				productTags(), this.stock, now, now, null);
	}

	Product toReplacement(Product current, Instant now) {
		return new Product(current.id(), this.sku, this.name, this.description, storedPrice(), this.currency,
				this.category, productTags(), this.stock, current.createdAt(), now, current.version());
	}

	/**
	 * Returns the price with the two decimal places that the database stores, so that the
	 * response to a write matches later reads. Validation has limited the price to two
	 * decimal places, so no rounding happens.
	 */
	private BigDecimal storedPrice() {
		return this.price.setScale(2, RoundingMode.UNNECESSARY);
	}

	private Set<ProductTag> productTags() {
		Set<ProductTag> productTags = new LinkedHashSet<>();
		if (this.tags != null) {
			this.tags.forEach((tag) -> productTags.add(new ProductTag(tag)));
		}
		return productTags;
	}

}
