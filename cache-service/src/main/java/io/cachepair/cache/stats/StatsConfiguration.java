package io.cachepair.cache.stats;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import io.cachepair.cache.entry.EntryStore;

/**
 * Wraps the configured store, whichever it is, so that every call is counted.
 */
@Configuration(proxyBeanMethods = false)
class StatsConfiguration {

	@Bean
	@Primary
	EntryStore entryStore(@Qualifier("storeBackend") EntryStore storeBackend, CacheActivityRegistry activity) {
		return new RecordingEntryStore(storeBackend, activity);
	}

}
