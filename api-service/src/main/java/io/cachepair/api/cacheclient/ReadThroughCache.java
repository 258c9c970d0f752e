package io.cachepair.api.cacheclient;

import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cache-aside reads through the cache-service, and the invalidations that follow a write.
 * <p>
 * A read calls the cache-service first and returns its bytes untouched on a hit. On a
 * miss it runs the loader once for every read that found the same state, however many
 * wait, and stores the loaded bytes with a precondition: create-only when there was no
 * entry, and compare-and-set against the tombstone that a write left. A read that loaded
 * before a write therefore cannot store its outdated value after the write's
 * invalidation, on any replica, because the write's tombstone or new generation changed
 * what it would have to match. When the cache-service fails, reads run the loader and
 * store nothing.
 */
public class ReadThroughCache {

	private static final Logger logger = LoggerFactory.getLogger(ReadThroughCache.class);

	private final CacheClient client;

	private final Generations generations;

	private final Invalidator invalidator;

	private final SingleFlight<Flight, CacheRead> flights = new SingleFlight<>();

	/**
	 * Number of writes on this replica so far. A read notes it before loading, so that it
	 * neither joins nor stores a load that may predate a write whose invalidation failed.
	 */
	private final AtomicLong invalidations = new AtomicLong();

	ReadThroughCache(CacheClient client, Generations generations, Invalidator invalidator) {
		this.client = client;
		this.generations = generations;
		this.invalidator = invalidator;
	}

	/**
	 * Reads a value through the cache-service.
	 * @param cache name of the cache
	 * @param key key of the entry
	 * @param ttl time to live of an entry stored on a miss
	 * @param loader loads the value on a miss or when the cache-service fails; its
	 * exceptions reach every read that waited for it
	 * @return the value and the path that served it
	 */
	public CacheRead read(String cache, String key, Duration ttl, Supplier<CacheableValue> loader) {
		long invalidationsBefore = this.invalidations.get();
		Optional<CachedValue> cached;
		try {
			cached = this.client.get(cache, key);
		}
		catch (CacheClientException ex) {
			return bypass(cache, key, invalidationsBefore, loader, ex);
		}
		if (cached.isPresent() && !isTombstone(cached.get())) {
			return CacheRead.hit(cached.get());
		}
		WriteCondition condition = cached.map((tombstone) -> WriteCondition.replacing(etagOf(tombstone)))
			.orElse(WriteCondition.CREATE_ONLY);
		Flight flight = new Flight(cache, key, condition, invalidationsBefore);
		return this.flights.run(flight, () -> loadAndStore(flight, ttl, loader));
	}

	/**
	 * Reads a value through the cache-service under the cache's current generation: the
	 * entry's key is the generation, a colon and the given key. A write that gives the
	 * cache a new generation makes every earlier entry unreachable at once, whatever its
	 * key.
	 * @param cache name of the cache
	 * @param key key of the entry within the generation
	 * @param ttl time to live of an entry stored on a miss
	 * @param generationTtl time to live of a generation that this read creates
	 * @param loader loads the value on a miss or when the cache-service fails
	 * @return the value and the path that served it
	 */
	public CacheRead readInGeneration(String cache, String key, Duration ttl, Duration generationTtl,
			Supplier<CacheableValue> loader) {
		long invalidationsBefore = this.invalidations.get();
		String generation;
		try {
			generation = this.generations.current(cache, generationTtl);
		}
		catch (CacheClientException ex) {
			return bypass(cache, key, invalidationsBefore, loader, ex);
		}
		return read(cache, generation + ":" + key, ttl, loader);
	}

	/**
	 * Applies the invalidations that a committed write makes necessary, in order. One
	 * that fails is retried in the background.
	 * @param invalidations the invalidations
	 */
	public void invalidate(Collection<Invalidation> invalidations) {
		this.invalidations.incrementAndGet();
		this.invalidator.apply(invalidations);
	}

	private CacheRead bypass(String cache, String key, long invalidationsBefore, Supplier<CacheableValue> loader,
			CacheClientException failure) {
		logger.debug("Reading from the cache-service failed, bypassing it: {}", failure.getMessage());
		Flight flight = new Flight(cache, key, null, invalidationsBefore);
		return this.flights.run(flight, () -> CacheRead.loaded(loader.get(), CacheStatus.BYPASS));
	}

	private CacheRead loadAndStore(Flight flight, Duration ttl, Supplier<CacheableValue> loader) {
		CacheableValue loaded = loader.get();
		store(flight, loaded, ttl);
		return CacheRead.loaded(loaded, CacheStatus.MISS);
	}

	private void store(Flight flight, CacheableValue loaded, Duration ttl) {
		// A write on this replica during the load may have failed to invalidate, so only
		// the counter tells that this value may be outdated.
		if (this.invalidations.get() != flight.invalidations() || flight.condition() == null) {
			return;
		}
		try {
			if (!this.client.put(flight.cache(), flight.key(), loaded, ttl, flight.condition())) {
				logger.debug("Not storing a value loaded for cache '{}' because a write changed the entry",
						flight.cache());
			}
		}
		catch (CacheClientException ex) {
			logger.debug("Storing in the cache-service failed: {}", ex.getMessage());
		}
	}

	private static boolean isTombstone(CachedValue cached) {
		return cached.contentType().startsWith(Invalidator.TOMBSTONE_CONTENT_TYPE);
	}

	private static String etagOf(CachedValue cached) {
		return (cached.etag() != null) ? cached.etag() : ContentETag.of(cached.value());
	}

	/**
	 * One load and store. Reads share a flight only when they found the same entry state
	 * and no write on this replica happened in between, so a read that started after a
	 * write never receives a value loaded before it.
	 *
	 * @param cache name of the cache
	 * @param key key of the entry
	 * @param condition the precondition of the store, or {@code null} when the read
	 * bypasses the cache-service
	 * @param invalidations the number of writes on this replica before the read
	 */
	private record Flight(String cache, String key, @Nullable WriteCondition condition, long invalidations) {

	}

}
