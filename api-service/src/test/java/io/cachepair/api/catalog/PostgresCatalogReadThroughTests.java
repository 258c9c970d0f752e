package io.cachepair.api.catalog;

import io.cachepair.api.RequiresDocker;
import io.cachepair.api.testing.PostgresDatabase;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link CatalogReadThroughTests} against PostgreSQL: the whole api-service with its
 * sample catalog in PostgreSQL and a fake cache-service.
 */
@RequiresDocker
class PostgresCatalogReadThroughTests extends CatalogReadThroughTests {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresDatabase.register(registry);
	}

}
