package io.cachepair.api.catalog;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.relational.core.mapping.NamingStrategy;

/**
 * Beans of the catalog that are not components of their own.
 */
@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

	/**
	 * Creates the UTC clock that stamps creation and update times.
	 */
	@Bean
	Clock catalogClock() {
		return Clock.systemUTC();
	}

	@Bean
	NamingStrategy catalogNamingStrategy() {
		return new ForeignKeyNamingStrategy();
	}

}
