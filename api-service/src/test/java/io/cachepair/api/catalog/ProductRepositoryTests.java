package io.cachepair.api.catalog;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

@DataJdbcTest
@Import(CatalogConfiguration.class)
class ProductRepositoryTests {

	@Autowired
	private ProductRepository repository;

	@Autowired
	private JdbcTemplate jdbcTemplate;

	@Test
	void savedProductReadsBackUnchanged() {
		Product saved = this.repository.save(TestProducts.newProduct("LAP-1", "laptops"));

		Product found = this.repository.findById(saved.requireId()).orElseThrow();

		assertThat(found).isEqualTo(saved);
		assertThat(found.price()).hasToString("600.00");
		assertThat(found.createdAt()).isEqualTo(TestProducts.CREATED_AT);
		assertThat(found.tags()).containsExactlyInAnyOrder(new ProductTag("portable"), new ProductTag("oled"));
		assertThat(found.version()).isZero();
	}

	@Test
	void duplicateSkuIsRejected() {
		this.repository.save(TestProducts.newProduct("LAP-1", "laptops"));

		assertThatException().isThrownBy(() -> this.repository.save(TestProducts.newProduct("LAP-1", "kitchen")))
			.isInstanceOf(DuplicateKeyException.class);
	}

	@Test
	void staleVersionIsRejected() {
		Product saved = this.repository.save(TestProducts.newProduct("LAP-1", "laptops"));
		this.repository.save(withName(saved, "First change"));

		assertThatException().isThrownBy(() -> this.repository.save(withName(saved, "Lost change")))
			.isInstanceOf(OptimisticLockingFailureException.class);
	}

	@Test
	void updateReplacesTags() {
		Product saved = this.repository.save(TestProducts.newProduct("LAP-1", "laptops"));
		Product retagged = new Product(saved.id(), saved.sku(), saved.name(), saved.description(), saved.price(),
				saved.currency(), saved.category(), TestProducts.tags("business"), saved.stock(), saved.createdAt(),
				saved.updatedAt(), saved.version());

		this.repository.save(retagged);

		assertThat(this.repository.findById(saved.requireId()).orElseThrow().tags())
			.containsExactly(new ProductTag("business"));
	}

	@Test
	void deleteRemovesTags() {
		Product saved = this.repository.save(TestProducts.newProduct("LAP-1", "laptops"));

		this.repository.deleteById(saved.requireId());

		assertThat(this.repository.existsById(saved.requireId())).isFalse();
		assertThat(this.jdbcTemplate.queryForObject("SELECT COUNT(*) FROM product_tag", Long.class)).isZero();
	}

	@Test
	void existsBySkuFindsOnlyStoredSku() {
		this.repository.save(TestProducts.newProduct("LAP-1", "laptops"));

		assertThat(this.repository.existsBySku("LAP-1")).isTrue();
		assertThat(this.repository.existsBySku("LAP-2")).isFalse();
	}

	@Test
	void priceWithTwoDecimalsKeepsScale() {
		Product cheap = new Product(null, "KIT-9", "Kettle", null, new BigDecimal("0.50"), "EUR", "kitchen",
				TestProducts.tags(), 0, TestProducts.CREATED_AT, TestProducts.UPDATED_AT, null);

		Product saved = this.repository.save(cheap);

		BigDecimal price = this.repository.findById(saved.requireId()).orElseThrow().price();
		assertThat(price).hasToString("0.50");
		assertThat(price.scale()).isEqualTo(2);
	}

	private static Product withName(Product product, String name) {
		return new Product(product.id(), product.sku(), name, product.description(), product.price(),
				product.currency(), product.category(), product.tags(), product.stock(), product.createdAt(),
				product.updatedAt(), product.version());
	}

}
