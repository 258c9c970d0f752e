package io.cachepair.api.catalog;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the sample catalog into an empty database on start, in JDBC batches, before the
 * service reports itself ready.
 */
@Component
class SampleCatalogLoader implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(SampleCatalogLoader.class);

	private static final int BATCH_SIZE = 1000;

	private static final String INSERT_PRODUCT = "INSERT INTO product (id, sku, name, description, price, currency, "
			+ "category, stock, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

	private static final String INSERT_TAG = "INSERT INTO product_tag (product_id, name) VALUES (?, ?)";

	private final JdbcTemplate jdbcTemplate;

	private final TransactionTemplate transactionTemplate;

	private final CatalogProperties.Sample sample;

	SampleCatalogLoader(JdbcTemplate jdbcTemplate, TransactionTemplate transactionTemplate,
			CatalogProperties properties) {
		this.jdbcTemplate = jdbcTemplate;
		this.transactionTemplate = transactionTemplate;
		this.sample = properties.sample();
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.sample.size() > 0) {
			// NOTE: two replicas starting at once on one empty database both load,
			// and the second fails on the unique SKU constraint.
			this.transactionTemplate.executeWithoutResult((status) -> loadIfEmpty());
		}
	}

	private void loadIfEmpty() {
		Long count = this.jdbcTemplate.queryForObject("SELECT COUNT(*) FROM product", Long.class);
		if (count != null && count > 0) {
			logger.info("Catalog has {} products, so the sample catalog is not loaded", count);
			return;
		}
		long start = System.nanoTime();
		List<Product> products = SampleCatalog.generate(this.sample.size(), this.sample.seed());
		this.jdbcTemplate.batchUpdate(INSERT_PRODUCT, products, BATCH_SIZE, SampleCatalogLoader::bindProduct);
		this.jdbcTemplate.batchUpdate(INSERT_TAG, tagRows(products), BATCH_SIZE, SampleCatalogLoader::bindTag);
		// The inserts chose the ids, so the identity column starts after them.
		this.jdbcTemplate.execute("ALTER TABLE product ALTER COLUMN id RESTART WITH " + (products.size() + 1));
		logger.info("Loaded {} sample products in {} ms", products.size(),
				TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
	}

	private static void bindProduct(PreparedStatement statement, Product product) throws SQLException {
		statement.setLong(1, product.requireId());
		statement.setString(2, product.sku());
		statement.setString(3, product.name());
		statement.setString(4, product.description());
		statement.setBigDecimal(5, product.price());
		statement.setString(6, product.currency());
		statement.setString(7, product.category());
		statement.setInt(8, product.stock());
		statement.setObject(9, product.createdAt().atOffset(ZoneOffset.UTC));
		statement.setObject(10, product.updatedAt().atOffset(ZoneOffset.UTC));
		statement.setLong(11, 0);
	}

	private static List<TagRow> tagRows(List<Product> products) {
		List<TagRow> rows = new ArrayList<>();
		products.forEach(
				(product) -> product.tags().forEach((tag) -> rows.add(new TagRow(product.requireId(), tag.name()))));
		return rows;
	}

	private static void bindTag(PreparedStatement statement, TagRow row) throws SQLException {
		statement.setLong(1, row.productId());
		statement.setString(2, row.name());
	}

	private record TagRow(long productId, String name) {

	}

}
