package io.cachepair.cache.settings;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import io.cachepair.cache.web.InvalidRequestException;

/**
 * The settings of every cache that exists: those declared in configuration and those
 * created on first write.
 */
@Component
public class CacheSettingsRegistry {

	private final Map<String, CacheSettings> settingsByName = new ConcurrentHashMap<>();

	private final CacheServiceProperties properties;

	private final Pattern namePattern;

	public CacheSettingsRegistry(CacheServiceProperties properties) {
		this.properties = properties;
		this.namePattern = Pattern.compile(properties.limits().cacheNamePattern());
		properties.caches().forEach((name, declared) -> {
			checkName(name);
			this.settingsByName.put(name, declared.toSettings(name, properties.defaults()));
		});
	}

	/**
	 * Returns the settings of an existing cache.
	 * @param cacheName the cache name, not yet validated
	 * @return the settings, or empty when the cache does not exist
	 * @throws InvalidRequestException if the name does not match the name pattern
	 */
	public Optional<CacheSettings> find(String cacheName) {
		CacheSettings settings = this.settingsByName.get(cacheName);
		if (settings != null) {
			// Every stored name passed the check when it was stored.
			return Optional.of(settings);
		}
		checkName(cacheName);
		return Optional.empty();
	}

	/**
	 * Checks that a cache may be read or invalidated: its name is valid, and it exists
	 * unless caches are created on demand. A cache created on demand that has no entries
	 * yet reads as empty.
	 * @param cacheName the cache name, not yet validated
	 * @throws InvalidRequestException if the name does not match the name pattern
	 * @throws CacheNotFoundException if only declared caches are accepted and this one is
	 * not declared
	 */
	public void checkAccessible(String cacheName) {
		if (find(cacheName).isEmpty() && this.properties.declaredCachesOnly()) {
			throw CacheNotFoundException.notDeclared(cacheName);
		}
	}

	/**
	 * Returns the settings that a write to a cache is checked against: the cache's own,
	 * or the defaults for a cache that does not exist yet. Nothing is created, so that a
	 * rejected write leaves no cache behind. {@link #register} creates the cache once the
	 * write succeeded.
	 * @param cacheName the cache name, not yet validated
	 * @return the settings to check the write against
	 * @throws InvalidRequestException if the name does not match the name pattern
	 * @throws CacheNotFoundException if the cache does not exist and may not be created
	 */
	public CacheSettings settingsForWrite(String cacheName) {
		CacheSettings existing = find(cacheName).orElse(null);
		if (existing != null) {
			return existing;
		}
		if (this.properties.declaredCachesOnly()) {
			throw CacheNotFoundException.notDeclared(cacheName);
		}
		return this.properties.defaults().toSettings(cacheName);
	}

	/**
	 * Creates a cache with the settings a successful write used, unless it exists by now.
	 * @param settings the settings from {@link #settingsForWrite}
	 */
	public void register(CacheSettings settings) {
		this.settingsByName.putIfAbsent(settings.name(), settings);
	}

	/**
	 * Stores new settings for a cache, creating it if needed.
	 * @param settings the settings
	 * @return whether the cache was created
	 */
	public boolean put(CacheSettings settings) {
		return this.settingsByName.put(settings.name(), settings) == null;
	}

	/**
	 * Forgets a cache created on demand, or resets a declared cache to its declared
	 * settings.
	 * @param cacheName the cache name
	 * @return whether the cache existed
	 */
	public boolean remove(String cacheName) {
		CacheServiceProperties.Declared declared = this.properties.caches().get(cacheName);
		if (declared != null) {
			this.settingsByName.put(cacheName, declared.toSettings(cacheName, this.properties.defaults()));
			return true;
		}
		return this.settingsByName.remove(cacheName) != null;
	}

	/**
	 * Returns whether a cache is declared in configuration.
	 * @param cacheName the cache name
	 * @return whether it is declared
	 */
	public boolean isDeclared(String cacheName) {
		return this.properties.caches().containsKey(cacheName);
	}

	/**
	 * Returns whether caches that are not declared are rejected instead of created.
	 * @return the {@code declared-caches-only} setting
	 */
	public boolean acceptsOnlyDeclared() {
		return this.properties.declaredCachesOnly();
	}

	/**
	 * Returns the settings a new cache gets.
	 * @param cacheName the name of the new cache
	 * @return the default settings under that name
	 */
	public CacheSettings defaults(String cacheName) {
		checkName(cacheName);
		return this.properties.defaults().toSettings(cacheName);
	}

	/**
	 * Returns the settings of every existing cache, sorted by name.
	 * @return the settings
	 */
	public List<CacheSettings> findAll() {
		Collection<CacheSettings> all = this.settingsByName.values();
		return all.stream().sorted((left, right) -> left.name().compareTo(right.name())).toList();
	}

	private void checkName(String cacheName) {
		if (!this.namePattern.matcher(cacheName).matches()) {
			throw new InvalidRequestException(
					"Invalid cache name '%s': it must match %s.".formatted(cacheName, this.namePattern.pattern()));
		}
	}

}
