package io.cachepair.cache.contract;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * What every contract interface needs from the store's test class: an HTTP client, a way
 * to move time forward, and a cache of the test's own.
 */
interface ContractSupport {

	CacheHttpClient client();

	void advanceTime(Duration duration);

	String cacheName();

	default String entryPath(String key) {
		return CacheHttpClient.entryPath(cacheName(), key);
	}

	default String cachePath(String rest) {
		return "/v1/caches/" + cacheName() + rest;
	}

	default HttpResponse<byte[]> postJson(String path, String json) {
		return client().send("POST", path, json.getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json");
	}

}
