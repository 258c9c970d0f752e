package io.cachepair.api.catalog;

import io.cachepair.api.RequiresDocker;
import io.cachepair.api.testing.PostgresDatabase;

import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link ProductSearchTests} against PostgreSQL, with the same Flyway migrations.
 */
@RequiresDocker
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class PostgresProductSearchTests extends ProductSearchTests {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresDatabase.register(registry);
	}

}
