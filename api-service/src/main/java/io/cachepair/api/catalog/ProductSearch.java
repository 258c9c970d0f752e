package io.cachepair.api.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Finds pages of products by filter and order, in three statements at most: the page's
 * products, their tags, and the count of all matches when the page does not tell it.
 * <p>
 * The SQL is standard enough for H2 and PostgreSQL alike, and its conditions and orders
 * match the indexes of the migrations: {@code (category, <sort column>, id)} and
 * {@code (<sort column>, id)} for every sort, and {@code product_tag (name, product_id)}
 * for tags. Free-text search compares {@code LOWER(name)} and {@code LOWER(description)}
 * with {@code LIKE}, which PostgreSQL's trigram indexes serve where the {@code pg_trgm}
 * extension is available.
 */
@Repository
class ProductSearch {

	private static final String COLUMNS = "p.id, p.sku, p.name, p.description, p.price, p.currency, p.category, "
			+ "p.stock, p.created_at, p.updated_at, p.version";

	private final NamedParameterJdbcTemplate jdbc;

	ProductSearch(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Finds one page of products.
	 * @param query the filter, order and page
	 * @return the products of the page, in order, and the number of matches on all pages
	 */
	ProductPage find(PageQuery query) {
		MapSqlParameterSource parameters = new MapSqlParameterSource();
		String where = whereClause(query.filter(), parameters);
		List<Product> rows = this.jdbc.query(select(query, where, parameters), parameters, ProductSearch::mapProduct);
		List<Product> products = withTags(rows);
		return new ProductPage(products, totalItems(query, products.size(), where, parameters));
	}

	/**
	 * Returns the statement that selects one page, adding its parameters.
	 */
	static String select(PageQuery query, MapSqlParameterSource parameters) {
		return select(query, whereClause(query.filter(), parameters), parameters);
	}

	private static String select(PageQuery query, String where, MapSqlParameterSource parameters) {
		parameters.addValue("offset", query.offset()).addValue("limit", query.size());
		return "SELECT " + COLUMNS + " FROM product p" + where + " ORDER BY " + query.sort().orderBy()
				+ " OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY";
	}

	/**
	 * Returns the number of matches. It counts them only when the page cannot tell,
	 * because a first page with room left contains every match.
	 */
	private long totalItems(PageQuery query, int found, String where, MapSqlParameterSource parameters) {
		if (query.page() == 0 && found < query.size()) {
			return found;
		}
		Long count = this.jdbc.queryForObject("SELECT COUNT(*) FROM product p" + where, parameters, Long.class);
		return (count != null) ? count : 0;
	}

	private static String whereClause(ProductFilter filter, MapSqlParameterSource parameters) {
		List<String> conditions = new ArrayList<>();
		if (filter.category() != null) {
			conditions.add("p.category = :category");
			parameters.addValue("category", filter.category());
		}
		for (int i = 0; i < filter.tags().size(); i++) {
			conditions.add("EXISTS (SELECT 1 FROM product_tag t WHERE t.product_id = p.id AND t.name = :tag" + i + ")");
			parameters.addValue("tag" + i, filter.tags().get(i));
		}
		for (int i = 0; i < filter.searchTerms().size(); i++) {
			conditions.add("(LOWER(p.name) LIKE :term" + i + " ESCAPE '\\' OR LOWER(p.description) LIKE :term" + i
					+ " ESCAPE '\\')");
			parameters.addValue("term" + i, "%" + escapeLike(filter.searchTerms().get(i)) + "%");
		}
		if (filter.minPrice() != null) {
			conditions.add("p.price >= :minPrice");
			parameters.addValue("minPrice", filter.minPrice());
		}
		if (filter.maxPrice() != null) {
			conditions.add("p.price <= :maxPrice");
			parameters.addValue("maxPrice", filter.maxPrice());
		}
		return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
	}

	/**
	 * Escapes the {@code LIKE} wildcards, so that a search for {@code 100%} finds that
	 * text and not every name starting with 100.
	 */
	static String escapeLike(String term) {
		return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private List<Product> withTags(List<Product> rows) {
		if (rows.isEmpty()) {
			return rows;
		}
		Map<Long, Set<ProductTag>> tags = new LinkedHashMap<>();
		rows.forEach((row) -> tags.put(row.requireId(), new LinkedHashSet<>()));
		MapSqlParameterSource parameters = new MapSqlParameterSource("ids", tags.keySet());
		this.jdbc.query("SELECT product_id, name FROM product_tag WHERE product_id IN (:ids) ORDER BY name", parameters,
				(resultSet) -> {
					tags.get(resultSet.getLong("product_id")).add(new ProductTag(resultSet.getString("name")));
				});
		return rows.stream().map((row) -> withTags(row, tags.get(row.requireId()))).toList();
	}

	private static Product withTags(Product product, Set<ProductTag> tags) {
		return new Product(product.id(), product.sku(), product.name(), product.description(), product.price(),
				product.currency(), product.category(), tags, product.stock(), product.createdAt(), product.updatedAt(),
				product.version());
	}

	private static Product mapProduct(ResultSet row, int rowNumber) throws SQLException {
		return new Product(row.getLong("id"), row.getString("sku"), row.getString("name"), row.getString("description"),
				row.getBigDecimal("price"), row.getString("currency"), row.getString("category"), Set.of(),
				row.getInt("stock"), row.getObject("created_at", OffsetDateTime.class).toInstant(),
				row.getObject("updated_at", OffsetDateTime.class).toInstant(), row.getLong("version"));
	}

	/**
	 * One page of products.
	 *
	 * @param products the products of the page, in order
	 * @param totalItems the number of products that match, on all pages
	 */
	record ProductPage(List<Product> products, long totalItems) {

	}

}
