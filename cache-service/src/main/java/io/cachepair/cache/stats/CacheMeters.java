package io.cachepair.cache.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import io.cachepair.cache.entry.EntryStore;
import io.cachepair.cache.entry.StoreUsage;

/**
 * Registers Micrometer meters for each cache when it is first used, named after
 * Micrometer's cache conventions: {@code cache.gets} by result, {@code cache.puts},
 * {@code cache.removals}, {@code cache.evictions} by cause, {@code cache.size} and
 * {@code cache.bytes}.
 */
@Component
public class CacheMeters {

	// Scrapes read several meters of one cache in a row; one usage reading serves them
	// all.
	private static final long USAGE_REUSE_NANOS = 1_000_000_000L;

	private final MeterRegistry registry;

	private final EntryStore store;

	private final Map<String, List<Meter>> metersByCache = new ConcurrentHashMap<>();

	private final Map<String, UsageReading> usageByCache = new ConcurrentHashMap<>();

	public CacheMeters(MeterRegistry registry, EntryStore store, CacheActivityRegistry activity) {
		this.registry = registry;
		this.store = store;
		activity.onNewCache(this::register);
	}

	private void register(String cacheName, CacheActivity activity) {
		Tags tags = Tags.of("cache", cacheName);
		List<Meter> meters = new ArrayList<>();
		meters.add(counter("cache.gets", tags.and("result", "hit"), activity, CacheActivity::hits));
		meters.add(counter("cache.gets", tags.and("result", "miss"), activity, CacheActivity::misses));
		meters.add(counter("cache.puts", tags, activity, CacheActivity::puts));
		meters.add(counter("cache.removals", tags, activity, CacheActivity::removals));
		meters.add(counter("cache.evictions", tags.and("cause", "size"), cacheName,
				(name) -> figure(usage(name).sizeEvictions())));
		meters.add(counter("cache.evictions", tags.and("cause", "expired"), cacheName,
				(name) -> figure(usage(name).expirations())));
		meters.add(Gauge.builder("cache.size", cacheName, (name) -> figure(usage(name).entries()))
			.tags(tags)
			.description("Live entries in the cache")
			.register(this.registry));
		meters.add(Gauge.builder("cache.bytes", cacheName, (name) -> figure(usage(name).bytes()))
			.tags(tags)
			.baseUnit("bytes")
			.description("Bytes the entries count toward the cache's byte bound")
			.register(this.registry));
		List<Meter> previous = this.metersByCache.put(cacheName, meters);
		if (previous != null) {
			previous.forEach(this.registry::remove);
		}
	}

	private <T> Meter counter(String name, Tags tags, T source, ToDoubleFunction<T> count) {
		return FunctionCounter.builder(name, source, count).tags(tags).register(this.registry);
	}

	private static double figure(@Nullable Long value) {
		return (value != null) ? value : Double.NaN;
	}

	private StoreUsage usage(String cacheName) {
		long now = System.nanoTime();
		UsageReading reading = this.usageByCache.get(cacheName);
		if (reading == null || now - reading.readAt() > USAGE_REUSE_NANOS) {
			reading = new UsageReading(this.store.usage(cacheName), now);
			this.usageByCache.put(cacheName, reading);
		}
		return reading.usage();
	}

	/**
	 * Removes the meters of a dropped cache.
	 * @param cacheName the cache name
	 */
	public void remove(String cacheName) {
		List<Meter> meters = this.metersByCache.remove(cacheName);
		if (meters != null) {
			meters.forEach(this.registry::remove);
		}
		this.usageByCache.remove(cacheName);
	}

	private record UsageReading(StoreUsage usage, long readAt) {
	}

}
