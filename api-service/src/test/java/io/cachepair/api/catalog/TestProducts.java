package io.cachepair.api.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Products and requests for tests.
 */
final class TestProducts {

	static final Instant CREATED_AT = Instant.parse("2025-03-01T08:30:00.120Z");

	static final Instant UPDATED_AT = Instant.parse("2025-04-02T09:45:10Z");

	private TestProducts() {
	}

	static Product newProduct(String sku, String category) {
		return new Product(null, sku, "Kestrel Pro Ultrabook 14", "A light laptop.", new BigDecimal("600.00"), "EUR",
				category, tags("portable", "oled"), 12, CREATED_AT, UPDATED_AT, null);
	}

	static Product storedProduct(long id) {
		return new Product(id, "LAP-" + id, "Kestrel Pro Ultrabook 14", "A light laptop.", new BigDecimal("600.00"),
				"EUR", "laptops", tags("portable", "oled"), 12, CREATED_AT, UPDATED_AT, 0L);
	}

	static ProductRequest request(String sku) {
		return new ProductRequest(sku, "Lumen Air Kettle 2", null, new BigDecimal("24.9"), "EUR", "kitchen",
				List.of("compact"), 5);
	}

	static Set<ProductTag> tags(String... names) {
		Set<ProductTag> tags = new LinkedHashSet<>();
		for (String name : names) {
			tags.add(new ProductTag(name));
		}
		return tags;
	}

}
