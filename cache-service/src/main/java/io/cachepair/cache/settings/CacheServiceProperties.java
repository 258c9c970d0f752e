package io.cachepair.cache.settings;

import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of the cache-service under {@code cache-service.*}.
 *
 * @param store where entries live: {@code memory} (the default) or {@code redis}
 * @param limits the service-wide limits on keys, values, tags and names
 * @param defaults the settings of a cache created on first write
 * @param caches caches declared in configuration, by name; an unset field takes its value
 * from {@code defaults}
 * @param declaredCachesOnly whether only declared caches exist, so that other names are
 * not found instead of being created on first write
 * @param token the bearer token every {@code /v1} call must carry, or none to leave the
 * API open; set it with the {@code CACHE_SERVICE_TOKEN} environment variable
 */
@ConfigurationProperties("cache-service")
public record CacheServiceProperties(@DefaultValue("memory") StoreType store, @DefaultValue Limits limits,
		@DefaultValue Defaults defaults, @DefaultValue Map<String, Declared> caches,
		@DefaultValue("false") boolean declaredCachesOnly, @Nullable String token) {

	/**
	 * The kinds of store.
	 */
	public enum StoreType {

		/** Entries live in this process, in Caffeine caches. */
		MEMORY,

		/** Entries live in Redis, shared by every replica of the service. */
		REDIS

	}

	/**
	 * Service-wide limits; a request over one of them is rejected and changes nothing.
	 *
	 * @param maxKeyBytes the longest key, in UTF-8 bytes
	 * @param maxValueSize the largest value
	 * @param maxTagsPerEntry the most tags one write may carry
	 * @param maxTagLength the longest tag, in characters
	 * @param cacheNamePattern the regular expression every cache name matches
	 * @param maxBatchSize the most keys or entries in one batch call
	 * @param maxBatchBodySize the largest request body of a batch call
	 */
	public record Limits(@DefaultValue("1024") int maxKeyBytes, @DefaultValue("1MB") DataSize maxValueSize,
			@DefaultValue("128") int maxTagsPerEntry, @DefaultValue("128") int maxTagLength,
			@DefaultValue("[A-Za-z0-9][A-Za-z0-9._-]{0,63}") String cacheNamePattern,
			@DefaultValue("1000") int maxBatchSize, @DefaultValue("32MB") DataSize maxBatchBodySize) {
	}

	/**
	 * The settings of a cache that configuration does not declare.
	 *
	 * @param maxEntries the most entries a cache holds
	 * @param maxBytes the most bytes a cache holds
	 * @param defaultTtl the time to live of an entry written without {@code ttl}
	 * @param maxTtl the longest time to live or idle timeout a write may ask for
	 * @param defaultIdle the idle timeout of an entry written without {@code idle}, or
	 * none
	 */
	public record Defaults(@DefaultValue("100000") long maxEntries, @DefaultValue("64MB") DataSize maxBytes,
			@DefaultValue("1h") Duration defaultTtl, @DefaultValue("30d") Duration maxTtl,
			@Nullable Duration defaultIdle) {

		CacheSettings toSettings(String name) {
			return new CacheSettings(name, this.maxEntries, this.maxBytes.toBytes(), this.defaultTtl, this.maxTtl,
					this.defaultIdle);
		}

	}

	/**
	 * A cache declared in configuration; every field left unset takes the default.
	 *
	 * @param maxEntries the most entries the cache holds
	 * @param maxBytes the most bytes the cache holds
	 * @param defaultTtl the time to live of an entry written without {@code ttl}
	 * @param maxTtl the longest time to live or idle timeout a write may ask for
	 * @param defaultIdle the idle timeout of an entry written without {@code idle}
	 */
	public record Declared(@Nullable Long maxEntries, @Nullable DataSize maxBytes, @Nullable Duration defaultTtl,
			@Nullable Duration maxTtl, @Nullable Duration defaultIdle) {

		CacheSettings toSettings(String name, Defaults defaults) {
			return new CacheSettings(name, (this.maxEntries != null) ? this.maxEntries : defaults.maxEntries(),
					((this.maxBytes != null) ? this.maxBytes : defaults.maxBytes()).toBytes(),
					(this.defaultTtl != null) ? this.defaultTtl : defaults.defaultTtl(),
					(this.maxTtl != null) ? this.maxTtl : defaults.maxTtl(),
					(this.defaultIdle != null) ? this.defaultIdle : defaults.defaultIdle());
		}

	}

}
