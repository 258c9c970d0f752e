package io.cachepair.api.catalog;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the catalog.
 *
 * @param productTtl time to live of a product in the cache-service
 * @param pageTtl time to live of a list page in the cache-service
 * @param maxTagsPerEntry maximum number of tags that the cache-service accepts on one
 * entry, its {@code cache-service.limits.max-tags-per-entry}
 * @param sample the sample catalog loaded into an empty database
 */
@ConfigurationProperties("cachepair.catalog")
@Validated
record CatalogProperties(@DefaultValue("10m") @DurationMin(seconds = 1) Duration productTtl,
		@DefaultValue("1m") @DurationMin(seconds = 1) Duration pageTtl, @DefaultValue("16") @Min(1) int maxTagsPerEntry,
		@DefaultValue @Valid Sample sample) {

	/**
	 * Returns whether every list page, up to the maximum page size, can carry the tags of
	 * all its products. Only then may a write remove just the pages holding a product
	 * instead of every page.
	 */
	boolean pagesCarryProductTags() {
		return this.maxTagsPerEntry > PageQuery.MAX_SIZE;
	}

	/**
	 * Settings of the sample catalog.
	 *
	 * @param size number of products to generate; 0 loads none
	 * @param seed seed of the random generator, so that every start with the same seed
	 * gets the same products
	 */
	record Sample(@DefaultValue("10000") @PositiveOrZero int size, @DefaultValue("20251204") long seed) {

	}

}
