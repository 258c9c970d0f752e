package io.cachepair.api.catalog;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The order of a product list: one field and a direction. Ties are broken by id in the
 * same direction, so that every product appears on exactly one page.
 *
 * @param field the field to sort by
 * @param descending whether the largest value comes first
 */
record ProductSort(Field field, boolean descending) {

	/**
	 * The form of the {@code sort} parameter: a field name, optionally followed by
	 * {@code ,asc} or {@code ,desc}.
	 */
	static final String PATTERN = "(id|name|price|updatedAt)(,(asc|desc))?";

	static final ProductSort DEFAULT = new ProductSort(Field.ID, false);

	private static final Pattern COMPILED = Pattern.compile(PATTERN);

	/**
	 * Parses a {@code sort} parameter that matches {@link #PATTERN}.
	 * @param text the parameter, such as {@code price,desc}
	 * @return the sort
	 * @throws IllegalArgumentException if the text does not match the pattern
	 */
	static ProductSort parse(String text) {
		Matcher matcher = COMPILED.matcher(text);
		if (!matcher.matches()) {
			throw new IllegalArgumentException("Invalid sort '" + text + "': it must match " + PATTERN);
		}
		Field field = switch (matcher.group(1)) {
			case "name" -> Field.NAME;
			case "price" -> Field.PRICE;
			case "updatedAt" -> Field.UPDATED_AT;
			default -> Field.ID;
		};
		return new ProductSort(field, "desc".equals(matcher.group(3)));
	}

	/**
	 * Returns the SQL {@code ORDER BY} items, with id as the tie-breaker.
	 */
	String orderBy() {
		String direction = this.descending ? " DESC" : " ASC";
		if (this.field == Field.ID) {
			return "p.id" + direction;
		}
		return "p." + this.field.column + direction + ", p.id" + direction;
	}

	/**
	 * Returns the normalised parameter, such as {@code price,desc}.
	 */
	@Override
	public String toString() {
		return this.field.parameter + "," + (this.descending ? "desc" : "asc");
	}

	/**
	 * A field that lists can be sorted by, with its parameter value and column.
	 */
	enum Field {

		ID("id", "id"), NAME("name", "name"), PRICE("price", "price"), UPDATED_AT("updatedAt", "updated_at");

		private final String parameter;

		private final String column;

		Field(String parameter, String column) {
			this.parameter = parameter;
			this.column = column;
		}

	}

}
