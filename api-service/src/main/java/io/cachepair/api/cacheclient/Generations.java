package io.cachepair.api.cacheclient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The current generation of a cache: a random token stored in the cache itself under the
 * key {@value #KEY}. Reads through {@link ReadThroughCache#readInGeneration} put it in
 * front of every key, and a write replaces it, so no read that starts after the write
 * finds an entry stored under an older generation, even one stored after the write.
 * <p>
 * A random token instead of a counter keeps this safe when the entry is lost to eviction
 * or a cache-service restart. A counter would start again at zero and could reach keys of
 * its earlier run again, while a new token of 128 random bits is, in practice, new.
 */
class Generations {

	static final String KEY = "generation";

	private static final String CONTENT_TYPE = "text/plain";

	private final CacheClient client;

	Generations(CacheClient client) {
		this.client = client;
	}

	/**
	 * Returns the cache's current generation, creating one if it has none.
	 * @param cache name of the cache
	 * @param ttl time to live of a generation created here
	 * @return the generation token
	 * @throws CacheClientException if a cache-service call fails
	 */
	String current(String cache, Duration ttl) {
		Optional<String> current = read(cache);
		if (current.isPresent()) {
			return current.get();
		}
		String created = RandomTokens.next();
		if (this.client.put(cache, KEY, value(created), ttl, WriteCondition.CREATE_ONLY)) {
			return created;
		}
		// Another read created one at the same time, and every read must use that one.
		return read(cache).orElseThrow(() -> new CacheClientException(
				"Generation of cache '" + cache + "' disappeared right after another read created it"));
	}

	/**
	 * Replaces the cache's generation with a new one.
	 * @param cache name of the cache
	 * @param ttl time to live of the new generation
	 * @throws CacheClientException if the cache-service call fails
	 */
	void renew(String cache, Duration ttl) {
		this.client.put(cache, KEY, value(RandomTokens.next()), ttl, WriteCondition.NONE);
	}

	private Optional<String> read(String cache) {
		return this.client.get(cache, KEY).map((cached) -> new String(cached.value(), StandardCharsets.US_ASCII));
	}

	private static CacheableValue value(String token) {
		return new CacheableValue(token.getBytes(StandardCharsets.US_ASCII), CONTENT_TYPE, Set.of());
	}

}
