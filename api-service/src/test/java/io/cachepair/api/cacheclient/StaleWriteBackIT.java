package io.cachepair.api.cacheclient;

import java.net.URI;

import io.cachepair.api.testing.CacheServiceProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The stale write-back races against the real cache-service, whose conditional writes are
 * atomic.
 */
class StaleWriteBackIT extends StaleWriteBackContract {

	private static CacheServiceProcess cacheService;

	@BeforeAll
	static void startCacheService() {
		cacheService = CacheServiceProcess.start();
	}

	@AfterAll
	static void stopCacheService() {
		cacheService.stop();
	}

	@Override
	URI cacheServiceUrl() {
		return cacheService.baseUrl();
	}

}
