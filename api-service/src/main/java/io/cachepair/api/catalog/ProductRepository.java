package io.cachepair.api.catalog;

import org.springframework.data.repository.ListCrudRepository;

/**
 * Stores products with their tags. {@link ProductSearch} lists them.
 */
interface ProductRepository extends ListCrudRepository<Product, Long> {

	boolean existsBySku(String sku);

}
