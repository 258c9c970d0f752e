package io.cachepair.api.catalog;

/**
 * A label of a product, stored in its own table as part of the product aggregate.
 *
 * @param name the label, such as {@code wireless}
 */
record ProductTag(String name) {

}
