package io.cachepair.api.catalog;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

@DataJdbcTest
@Import({ CatalogConfiguration.class, SampleCatalogLoader.class })
@EnableConfigurationProperties(CatalogProperties.class)
@TestPropertySource(properties = { "cachepair.catalog.sample.size=10000", "cachepair.catalog.sample.seed=7" })
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class SampleCatalogLoaderTests {

	@Autowired
	private ProductRepository repository;

	@Autowired
	private SampleCatalogLoader loader;

	@Autowired
	private JdbcTemplate jdbcTemplate;

	@Test
	void startupLoadsTenThousandProducts() {
		assertThat(this.repository.count()).isEqualTo(10_000);
		assertThat(this.repository.existsById(1L)).isTrue();
		assertThat(this.repository.existsById(10_000L)).isTrue();
	}

	@Test
	void storedProductsMatchGeneratedOnes() {
		List<Product> generated = SampleCatalog.generate(3, 7);

		for (Product expected : generated) {
			assertThat(this.repository.findById(expected.requireId())).contains(expected);
		}
	}

	@Test
	void secondRunLeavesCatalogUnchanged() throws Exception {
		this.loader.run(new DefaultApplicationArguments());

		assertThat(this.repository.count()).isEqualTo(10_000);
		assertThat(this.jdbcTemplate.queryForObject("SELECT MAX(id) FROM product", Long.class)).isEqualTo(10_000L);
	}

	@Test
	void newProductGetsIdAfterSample() {
		Product saved = this.repository.save(TestProducts.newProduct("NEW-1", "laptops"));
		try {
			assertThat(saved.id()).isGreaterThan(10_000L);
		}
		finally {
			this.repository.deleteById(saved.requireId());
		}
	}

}
