package io.cachepair.api.catalog;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.PagingAndSortingRepository;

/**
 * Stores products with their tags.
 */
interface ProductRepository extends ListCrudRepository<Product, Long>, PagingAndSortingRepository<Product, Long> {

	Page<Product> findAllByCategory(String category, Pageable pageable);

	boolean existsBySku(String sku);

}
