package io.cachepair.cache.store.redis;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.resource.Delay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import io.cachepair.cache.entry.EntryStore;

/**
 * Creates the Redis store when {@code cache-service.store=redis}, and tunes Lettuce so
 * that calls fail fast while Redis is away and the connection comes back by itself.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "cache-service.store", havingValue = "redis")
class RedisStoreConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(RedisStoreConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	Clock storeClock() {
		return Clock.systemUTC();
	}

	@Bean
	EntryStore storeBackend(LettuceConnectionFactory connectionFactory, Clock storeClock,
			RedisStoreProperties properties) {
		Duration timeout = Duration.ofMillis(connectionFactory.getTimeout());
		logger.info("Using the Redis store with key prefix '{}' and a command timeout of {} ms", properties.keyPrefix(),
				timeout.toMillis());
		RedisCommandRunner runner = new RedisCommandRunner(connectionFactory, timeout);
		return new RedisEntryStore(runner, new RedisKeys(properties.keyPrefix()), storeClock,
				properties.scanBatchSize());
	}

	/**
	 * Rejects commands at once while disconnected instead of queueing them until the
	 * command timeout, so that a stopped Redis costs no waiting.
	 */
	@Bean
	LettuceClientOptionsBuilderCustomizer failFastWhileDisconnected() {
		return (builder) -> builder.autoReconnect(true)
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
	}

	/**
	 * Caps the wait between reconnection attempts, which Lettuce otherwise lets grow to
	 * 30 seconds, so service resumes soon after Redis returns.
	 */
	@Bean
	ClientResourcesBuilderCustomizer boundedReconnectDelay(RedisStoreProperties properties) {
		return (builder) -> builder.reconnectDelay(
				Delay.exponential(Duration.ofMillis(10), properties.maxReconnectDelay(), 2, TimeUnit.MILLISECONDS));
	}

}
