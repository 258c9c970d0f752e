package io.cachepair.cache.stats;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

import org.springframework.stereotype.Component;

/**
 * The activity counts of every cache, created when a cache is first used.
 */
@Component
public class CacheActivityRegistry {

	private final Map<String, CacheActivity> activityByCache = new ConcurrentHashMap<>();

	private volatile BiConsumer<String, CacheActivity> onNewCache = (name, activity) -> {
	};

	/**
	 * Returns the activity of a cache, creating it on first use.
	 * @param cacheName the cache name
	 * @return the activity counts
	 */
	public CacheActivity forCache(String cacheName) {
		CacheActivity existing = this.activityByCache.get(cacheName);
		return (existing != null) ? existing : this.activityByCache.computeIfAbsent(cacheName, this::create);
	}

	private CacheActivity create(String cacheName) {
		CacheActivity activity = new CacheActivity();
		this.onNewCache.accept(cacheName, activity);
		return activity;
	}

	/**
	 * Forgets a dropped cache's counts.
	 * @param cacheName the cache name
	 */
	public void remove(String cacheName) {
		this.activityByCache.remove(cacheName);
	}

	void onNewCache(BiConsumer<String, CacheActivity> listener) {
		this.onNewCache = listener;
	}

}
