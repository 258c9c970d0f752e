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
 * @param productTtl time to live of a product in the cache-service, and of the tombstone
 * that a write leaves in its place
 * @param pageTtl time to live of a list page in the cache-service
 * @param pageGenerationTtl time to live of the list pages' generation entry. When it
 * expires, the next read starts a new generation, so earlier pages are no longer read.
 * @param maxTagsPerEntry maximum number of tags that the cache-service accepts on one
 * entry, its {@code cache-service.limits.max-tags-per-entry}
 * @param sample the sample catalog loaded into an empty database
 */
@ConfigurationProperties("cachepair.catalog")
@Validated
record CatalogProperties(@DefaultValue("10m") @DurationMin(seconds = 1) Duration productTtl,
		@DefaultValue("1m") @DurationMin(seconds = 1) Duration pageTtl,
		@DefaultValue("1h") @DurationMin(seconds = 1) Duration pageGenerationTtl,
		@DefaultValue("128") @Min(1) int maxTagsPerEntry, @DefaultValue @Valid Sample sample) {

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
