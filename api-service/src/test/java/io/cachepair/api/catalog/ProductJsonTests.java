package io.cachepair.api.catalog;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import io.cachepair.api.web.JsonConfiguration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.json.JsonTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

@JsonTest
@Import({ JsonConfiguration.class, ProductJson.class })
class ProductJsonTests {

	@Autowired
	private ProductJson json;

	@Autowired
	private JsonMapper jsonMapper;

	@Test
	void productHasExactShape() {
		String written = write(ProductResponse.from(TestProducts.storedProduct(1)));

		assertThat(written).isEqualTo("{\"id\":1,\"sku\":\"LAP-1\",\"name\":\"Kestrel Pro Ultrabook 14\","
				+ "\"description\":\"A light laptop.\",\"price\":600.00,\"currency\":\"EUR\",\"category\":\"laptops\","
				+ "\"tags\":[\"oled\",\"portable\"],\"stock\":12,\"createdAt\":\"2025-03-01T08:30:00.120Z\","
				+ "\"updatedAt\":\"2025-04-02T09:45:10.000Z\"}");
	}

	@Test
	void priceKeepsTrailingZeros() {
		assertThat(write(withPrice(new BigDecimal("600.00")))).contains("\"price\":600.00,");
		assertThat(write(withPrice(new BigDecimal("0.50")))).contains("\"price\":0.50,");
	}

	@Test
	void priceNeverUsesExponent() {
		assertThat(write(withPrice(new BigDecimal("1E+3")))).contains("\"price\":1000,");
		assertThat(write(withPrice(new BigDecimal("0.00000001")))).contains("\"price\":0.00000001,");
	}

	@Test
	void timesAreUtcWithMilliseconds() {
		Product product = TestProducts.storedProduct(1);
		Product precise = new Product(product.id(), product.sku(), product.name(), product.description(),
				product.price(), product.currency(), product.category(), product.tags(), product.stock(),
				Instant.parse("2025-01-02T03:04:05.123456789Z"), Instant.parse("2025-12-31T23:59:59Z"), 0L);

		String written = write(ProductResponse.from(precise));

		assertThat(written).contains("\"createdAt\":\"2025-01-02T03:04:05.123Z\"");
		assertThat(written).contains("\"updatedAt\":\"2025-12-31T23:59:59.000Z\"");
	}

	@Test
	void absentDescriptionIsLeftOut() {
		Product product = TestProducts.storedProduct(1);
		Product undescribed = new Product(product.id(), product.sku(), product.name(), null, product.price(),
				product.currency(), product.category(), TestProducts.tags(), product.stock(), product.createdAt(),
				product.updatedAt(), 0L);

		String written = write(ProductResponse.from(undescribed));

		assertThat(written).doesNotContain("description");
		assertThat(written).doesNotContain("null");
		assertThat(written).contains("\"tags\":[]");
	}

	@Test
	void equalProductsGiveEqualBytes() {
		Product first = TestProducts.storedProduct(1);
		Product reordered = new Product(first.id(), first.sku(), first.name(), first.description(), first.price(),
				first.currency(), first.category(), TestProducts.tags("portable", "oled"), first.stock(),
				first.createdAt(), first.updatedAt(), 3L);

		assertThat(this.json.write(ProductResponse.from(reordered)))
			.isEqualTo(this.json.write(ProductResponse.from(first)));
	}

	@Test
	void pageCarriesTotals() {
		ProductPageResponse page = new ProductPageResponse(List.of(ProductResponse.from(TestProducts.storedProduct(3))),
				1, 1, 3, 3);

		String written = new String(this.json.write(page), StandardCharsets.UTF_8);

		assertThat(written).startsWith("{\"items\":[{\"id\":3,");
		assertThat(written).endsWith("],\"page\":1,\"size\":1,\"totalItems\":3,\"totalPages\":3}");
	}

	@Test
	void requestPriceGetsStoredScale() {
		ProductRequest request = this.jsonMapper.readValue("{\"sku\":\"KIT-1\",\"name\":\"Kettle\",\"price\":600.0,"
				+ "\"currency\":\"EUR\",\"category\":\"kitchen\",\"stock\":1}", ProductRequest.class);

		Product product = request.toNewProduct(TestProducts.CREATED_AT);

		assertThat(product.price()).hasToString("600.00");
		assertThat(product.tags()).isEmpty();
		assertThat(product.description()).isNull();
	}

	private static ProductResponse withPrice(BigDecimal price) {
		Product product = TestProducts.storedProduct(1);
		return ProductResponse.from(new Product(product.id(), product.sku(), product.name(), product.description(),
				price, product.currency(), product.category(), product.tags(), product.stock(), product.createdAt(),
				product.updatedAt(), 0L));
	}

	private String write(ProductResponse product) {
		return new String(this.json.write(product), StandardCharsets.UTF_8);
	}

}
