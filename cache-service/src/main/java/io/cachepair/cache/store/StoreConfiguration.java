package io.cachepair.cache.store;

import com.github.benmanes.caffeine.cache.Ticker;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.cachepair.cache.entry.EntryStore;

/**
 * Creates the entry store and the ticker that times expiry.
 */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

	@Bean
	Ticker ticker() {
		return Ticker.systemTicker();
	}

	@Bean
	EntryStore memoryEntryStore(Ticker ticker) {
		return new MemoryEntryStore(ticker);
	}

}
