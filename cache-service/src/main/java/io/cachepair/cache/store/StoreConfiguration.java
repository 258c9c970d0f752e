package io.cachepair.cache.store;

import com.github.benmanes.caffeine.cache.Ticker;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.cachepair.cache.entry.EntryStore;

/**
 * Creates the memory store, the default, and the ticker that times its expiry.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "cache-service.store", havingValue = "memory", matchIfMissing = true)
class StoreConfiguration {

	@Bean
	Ticker ticker() {
		return Ticker.systemTicker();
	}

	@Bean
	EntryStore storeBackend(Ticker ticker) {
		return new MemoryEntryStore(ticker);
	}

}
