package io.cachepair.api.endtoend;

import io.cachepair.api.RequiresDocker;
import io.cachepair.api.testing.PostgresDatabase;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link ReadThroughIT} with the catalog in PostgreSQL: the real cache-service, the
 * api-service and the full sample catalog.
 */
@RequiresDocker
class PostgresReadThroughIT extends ReadThroughIT {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresDatabase.register(registry);
	}

}
