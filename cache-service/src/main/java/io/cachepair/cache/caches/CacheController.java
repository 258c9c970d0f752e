package io.cachepair.cache.caches;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.cachepair.cache.entry.EntryStore;
import io.cachepair.cache.entry.StoreUsage;
import io.cachepair.cache.expiry.DurationParser;
import io.cachepair.cache.invalidation.RemovedCount;
import io.cachepair.cache.settings.CacheNotFoundException;
import io.cachepair.cache.settings.CacheSettings;
import io.cachepair.cache.settings.CacheSettingsRegistry;
import io.cachepair.cache.stats.CacheActivity;
import io.cachepair.cache.stats.CacheActivityRegistry;
import io.cachepair.cache.stats.CacheMeters;
import io.cachepair.cache.web.InvalidRequestException;

/**
 * Lists caches with their settings and statistics, creates or changes a cache's settings,
 * and drops caches.
 */
@RestController
@RequestMapping("/v1/caches")
public class CacheController {

	private final CacheSettingsRegistry registry;

	private final EntryStore store;

	private final CacheActivityRegistry activity;

	private final CacheMeters meters;

	public CacheController(CacheSettingsRegistry registry, EntryStore store, CacheActivityRegistry activity,
			CacheMeters meters) {
		this.registry = registry;
		this.store = store;
		this.activity = activity;
		this.meters = meters;
	}

	/**
	 * Lists every cache.
	 */
	@GetMapping
	public CacheList list() {
		return new CacheList(this.registry.findAll().stream().map(this::view).toList());
	}

	/**
	 * Shows one cache.
	 */
	@GetMapping("/{cache}")
	public CacheView get(@PathVariable String cache) {
		return view(existing(cache));
	}

	/**
	 * Creates a cache or changes its settings; fields left out keep their current value,
	 * or the default for a new cache.
	 */
	@PutMapping("/{cache}")
	public ResponseEntity<CacheView> put(@PathVariable String cache, @RequestBody CacheSettingsRequest request) {
		CacheSettings current = this.registry.find(cache).orElse(null);
		if (current == null && this.registry.acceptsOnlyDeclared()) {
			throw CacheNotFoundException.notDeclared(cache);
		}
		CacheSettings settings = merge((current != null) ? current : this.registry.defaults(cache), request);
		boolean created = this.registry.put(settings);
		this.store.configure(settings);
		return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(view(settings));
	}

	/**
	 * Removes every entry of a cache and deletes the cache. A declared cache returns to
	 * its declared settings.
	 */
	@DeleteMapping("/{cache}")
	public RemovedCount drop(@PathVariable String cache) {
		existing(cache);
		long removed = this.store.drop(cache);
		this.registry.remove(cache);
		this.meters.remove(cache);
		return new RemovedCount(removed);
	}

	private CacheSettings existing(String cache) {
		return this.registry.find(cache).orElseThrow(() -> CacheNotFoundException.unknown(cache));
	}

	private static CacheSettings merge(CacheSettings base, CacheSettingsRequest request) {
		return new CacheSettings(base.name(), (request.maxEntries() != null) ? request.maxEntries() : base.maxEntries(),
				(request.maxBytes() != null) ? parseSize(request.maxBytes()) : base.maxBytes(),
				duration("defaultTtl", request.defaultTtl(), base.defaultTtl()),
				duration("maxTtl", request.maxTtl(), base.maxTtl()), idle(request.defaultIdle(), base.defaultIdle()));
	}

	private static long parseSize(String text) {
		try {
			return DataSize.parse(text).toBytes();
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidRequestException(
					"Invalid maxBytes '%s': use a number of bytes or a size such as 512KB, 64MB or 1GB."
						.formatted(text));
		}
	}

	private static Duration duration(String field, @Nullable String text, Duration current) {
		return (text != null) ? DurationParser.parse(field, text) : current;
	}

	private static @Nullable Duration idle(@Nullable String text, @Nullable Duration current) {
		if (text == null) {
			return current;
		}
		return text.equals("none") ? null : DurationParser.parse("defaultIdle", text);
	}

	private CacheView view(CacheSettings settings) {
		StoreUsage usage = this.store.usage(settings.name());
		CacheActivity counts = this.activity.forCache(settings.name());
		CacheView.Statistics statistics = new CacheView.Statistics(usage.entries(), usage.bytes(), counts.hits(),
				counts.misses(), counts.hitRatio(), counts.puts(), counts.removals(),
				new CacheView.Evictions(usage.sizeEvictions(), usage.expirations()), usage.expirations());
		return new CacheView(settings.name(), this.registry.isDeclared(settings.name()), settingsView(settings),
				statistics);
	}

	private static CacheView.Settings settingsView(CacheSettings settings) {
		return new CacheView.Settings(settings.maxEntries(), settings.maxBytes(),
				DurationParser.format(settings.defaultTtl()), DurationParser.format(settings.maxTtl()),
				(settings.defaultIdle() != null) ? DurationParser.format(settings.defaultIdle()) : null);
	}

}
