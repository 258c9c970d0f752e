package io.cachepair.api.cacheclient;

import java.io.IOException;
import java.net.URI;

import io.cachepair.api.testing.FakeCacheServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The stale write-back races against the fake cache-service.
 */
class StaleWriteBackTests extends StaleWriteBackContract {

	private static FakeCacheServer server;

	@BeforeAll
	static void startServer() throws IOException {
		server = FakeCacheServer.start();
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@Override
	URI cacheServiceUrl() {
		return server.baseUrl();
	}

}
