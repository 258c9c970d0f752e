package io.cachepair.api.web;

import io.cachepair.api.RequiresDocker;
import io.cachepair.api.testing.PostgresDatabase;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link HostileRequestIT} with the catalog in PostgreSQL, which rejects some text that
 * H2 stores, such as NUL characters.
 */
@RequiresDocker
class PostgresHostileRequestIT extends HostileRequestIT {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresDatabase.register(registry);
	}

}
