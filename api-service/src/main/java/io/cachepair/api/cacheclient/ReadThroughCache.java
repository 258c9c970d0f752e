package io.cachepair.api.cacheclient;

import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cache-aside reads through the cache-service, and the invalidation that follows a write.
 * <p>
 * A read calls the cache-service first and returns its bytes untouched on a hit. On a
 * miss it runs the loader once per key, however many reads of that key wait, and stores
 * the loaded bytes with their tags. When the cache-service fails, reads run the loader
 * and store nothing.
 */
public class ReadThroughCache {

	private static final Logger logger = LoggerFactory.getLogger(ReadThroughCache.class);

	private final CacheClient client;

	private final TagRemover tagRemover;

	private final SingleFlight<Lookup, CacheRead> flights = new SingleFlight<>();

	/**
	 * Number of invalidations so far. A read notes it before loading, so that it neither
	 * joins nor stores a load that may predate a committed write.
	 */
	private final AtomicLong invalidations = new AtomicLong();

	ReadThroughCache(CacheClient client, TagRemover tagRemover) {
		this.client = client;
		this.tagRemover = tagRemover;
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
		Lookup lookup = new Lookup(cache, key, ttl, this.invalidations.get());
		return this.flights.run(lookup, () -> readOnce(lookup, loader));
	}

	/**
	 * Removes the tags of entries that a committed write made stale. A removal that fails
	 * is retried in the background.
	 * @param tags the tags to remove, each in its cache
	 */
	public void invalidate(Collection<CacheTag> tags) {
		this.invalidations.incrementAndGet();
		this.tagRemover.remove(tags);
	}

	private CacheRead readOnce(Lookup lookup, Supplier<CacheableValue> loader) {
		Optional<CachedValue> cached;
		try {
			cached = this.client.get(lookup.cache(), lookup.key());
		}
		catch (CacheClientException ex) {
			logger.debug("Reading from the cache-service failed, bypassing it: {}", ex.getMessage());
			return CacheRead.loaded(loader.get(), CacheStatus.BYPASS);
		}
		if (cached.isPresent()) {
			return CacheRead.hit(cached.get());
		}
		CacheableValue loaded = loader.get();
		store(lookup, loaded);
		return CacheRead.loaded(loaded, CacheStatus.MISS);
	}

	private void store(Lookup lookup, CacheableValue loaded) {
		// A write that committed during the load may already have removed its tags, so
		// storing this value could bring back what the write replaced.
		if (isOutdated(lookup)) {
			return;
		}
		try {
			this.client.put(lookup.cache(), lookup.key(), loaded, lookup.ttl());
			// NOTE: between this put and the removal below, another read can still get
			// the outdated entry. Other api-service replicas do not see this counter,
			// so there the entry's TTL bounds how long it stays.
			if (isOutdated(lookup)) {
				this.client.removeEntry(lookup.cache(), lookup.key());
			}
		}
		catch (CacheClientException ex) {
			logger.debug("Storing in the cache-service failed: {}", ex.getMessage());
		}
	}

	private boolean isOutdated(Lookup lookup) {
		return this.invalidations.get() != lookup.invalidations();
	}

	private record Lookup(String cache, String key, Duration ttl, long invalidations) {

	}

}
