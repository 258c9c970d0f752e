package io.cachepair.api.catalog;

import java.math.BigDecimal;
import java.util.List;

import io.cachepair.api.RequiresDocker;
import io.cachepair.api.testing.PostgresDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL's plans for the list queries use the migrations' indexes. Sequential scans
 * are switched off for each plan, so that an empty table cannot hide a missing index: the
 * planner then picks an index whenever one can serve the query. Sorted queries must also
 * need no sort step, because the index delivers the order.
 */
@DataJdbcTest
@RequiresDocker
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class PostgresQueryPlanTests {

	@Autowired
	private JdbcTemplate jdbcTemplate;

	@Autowired
	private NamedParameterJdbcTemplate namedJdbc;

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresDatabase.register(registry);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "laptops | name      | product_category_name", "laptops | price,desc | product_category_price",
					"laptops | updatedAt  | product_category_updated_at", "        | name,desc  | product_name",
					"        | price      | product_price", "        | updatedAt,desc | product_updated_at",
					"        | id,desc    | product_pkey" })
	void sortIsServedByIndexWithoutSortStep(String category, String sort, String index) {
		ProductFilter filter = ProductFilter.of(category, null, null, null, null);

		String plan = plan(new PageQuery(filter, ProductSort.parse(sort), 2, 20), "enable_seqscan");

		assertThat(plan).contains(index).doesNotContainPattern("(?m)^\\s*(->\\s*)?(Incremental )?Sort\\b");
	}

	@Test
	void priceRangeIsServedByIndex() {
		ProductFilter filter = ProductFilter.of(null, null, null, new BigDecimal("10"), new BigDecimal("20"));

		assertThat(plan(new PageQuery(filter, ProductSort.parse("price"), 0, 20), "enable_seqscan"))
			.contains("product_price");
	}

	@Test
	void tagFilterIsServedByIndex() {
		ProductFilter filter = ProductFilter.of(null, List.of("oled"), null, null, null);

		assertThat(plan(new PageQuery(filter, ProductSort.DEFAULT, 0, 20), "enable_seqscan"))
			.contains("product_tag_name");
	}

	@ParameterizedTest
	@CsvSource({ "product_name_trigram", "product_description_trigram" })
	void searchIsServedByTrigramIndexes(String index) {
		ProductFilter filter = ProductFilter.of(null, null, "kettle", null, null);

		String plan = plan(new PageQuery(filter, ProductSort.DEFAULT, 0, 20), "enable_seqscan", "enable_indexscan");

		assertThat(plan).contains(index);
	}

	/**
	 * Returns PostgreSQL's plan for the page query with the given planner methods
	 * switched off in this transaction.
	 */
	private String plan(PageQuery query, String... disabledMethods) {
		for (String method : disabledMethods) {
			this.jdbcTemplate.execute("SET LOCAL " + method + " = off");
		}
		MapSqlParameterSource parameters = new MapSqlParameterSource();
		String select = ProductSearch.select(query, parameters);
		List<String> lines = this.namedJdbc.queryForList("EXPLAIN " + select, parameters, String.class);
		return String.join("\n", lines);
	}

}
