package io.cachepair.cache.store.redis;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the Redis store under {@code cache-service.redis.*}; the connection itself
 * is configured with Spring Boot's {@code spring.data.redis.*}.
 *
 * @param keyPrefix the first part of every key the store writes, which lets several
 * services or environments share one Redis. It must contain no braces.
 * @param scanBatchSize the {@code COUNT} of each {@code SCAN} and {@code SSCAN} step and
 * the number of entries removed per round trip by removal by prefix, by tag and flush
 * @param maxReconnectDelay the longest wait between two attempts to reconnect to Redis
 */
@ConfigurationProperties("cache-service.redis")
public record RedisStoreProperties(@DefaultValue("cachepair") String keyPrefix, @DefaultValue("500") int scanBatchSize,
		@DefaultValue("1s") Duration maxReconnectDelay) {
}
