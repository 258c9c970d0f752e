package io.cachepair.api.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SampleCatalogTests {

	private static final int SIZE = 2000;

	private final List<Product> products = SampleCatalog.generate(SIZE, 42);

	@Test
	void sameSeedGivesSameProducts() {
		assertThat(SampleCatalog.generate(SIZE, 42)).isEqualTo(this.products);
	}

	@Test
	void differentSeedGivesDifferentProducts() {
		assertThat(SampleCatalog.generate(SIZE, 43)).isNotEqualTo(this.products);
	}

	@Test
	void idsRunFromOne() {
		assertThat(this.products).hasSize(SIZE);
		assertThat(this.products.getFirst().id()).isEqualTo(1L);
		assertThat(this.products.getLast().id()).isEqualTo((long) SIZE);
	}

	@Test
	void skusAreUnique() {
		Set<String> skus = this.products.stream().map(Product::sku).collect(Collectors.toSet());

		assertThat(skus).hasSize(SIZE);
		assertThat(this.products.getFirst().sku()).matches("[A-Z]{3}-000001");
	}

	@Test
	void pricesHaveTwoDecimalPlaces() {
		assertThat(this.products).allSatisfy((product) -> {
			assertThat(product.price().scale()).isEqualTo(2);
			assertThat(product.price()).isGreaterThan(BigDecimal.ZERO);
		});
	}

	@Test
	void updatesFollowCreation() {
		assertThat(this.products)
			.allSatisfy((product) -> assertThat(product.updatedAt()).isAfterOrEqualTo(product.createdAt()));
	}

	@Test
	void catalogCoversOptionalAndEdgeValues() {
		assertThat(this.products).anyMatch((product) -> product.description() == null);
		assertThat(this.products).anyMatch((product) -> product.tags().isEmpty());
		assertThat(this.products).anyMatch((product) -> product.stock() == 0);
		assertThat(this.products.stream().map(Product::category).distinct()).hasSize(10);
		assertThat(this.products.stream().map(Product::currency).distinct()).containsExactlyInAnyOrder("EUR", "USD",
				"GBP");
	}

	@Test
	void everyProductPassesRequestValidation() {
		try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
			Validator validator = factory.getValidator();

			assertThat(this.products).allSatisfy((product) -> assertThat(validator.validate(asRequest(product)))
				.as("violations of %s", product.sku())
				.isEmpty());
		}
	}

	private static ProductRequest asRequest(Product product) {
		List<String> tags = product.tags().stream().map(ProductTag::name).toList();
		return new ProductRequest(product.sku(), product.name(), product.description(), product.price(),
				product.currency(), product.category(), tags, product.stock());
	}

}
