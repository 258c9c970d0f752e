package io.cachepair.api.cacheclient;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Beans of the cache-service client: one pooled HTTP/1.1 client behind a bulkhead and a
 * Resilience4j circuit breaker, their metrics and health, and the read-through cache on
 * top.
 */
@Configuration(proxyBeanMethods = false)
class CacheClientConfiguration {

	/**
	 * Name of the circuit breaker and the bulkhead, the {@code name} tag of their
	 * metrics.
	 */
	static final String NAME = "cache-service";

	private static final Logger logger = LoggerFactory.getLogger(CacheClientConfiguration.class);

	@Bean
	CircuitBreakerRegistry cacheServiceCircuitBreakerRegistry(MeterRegistry meterRegistry) {
		CircuitBreakerRegistry registry = CircuitBreakerRegistry.ofDefaults();
		TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meterRegistry);
		return registry;
	}

	@Bean
	CircuitBreaker cacheServiceCircuitBreaker(CircuitBreakerRegistry registry, CacheClientProperties properties) {
		CircuitBreaker circuitBreaker = registry.circuitBreaker(NAME, circuitBreakerConfig(properties));
		circuitBreaker.getEventPublisher()
			.onStateTransition((event) -> logger.warn("Cache-service circuit breaker went from {} to {}",
					event.getStateTransition().getFromState(), event.getStateTransition().getToState()));
		return circuitBreaker;
	}

	/**
	 * Returns the breaker's settings. One trial call in the half-open state means that a
	 * cache-service that still fails costs one timeout per trial, and every other call
	 * meanwhile is skipped at once.
	 */
	static CircuitBreakerConfig circuitBreakerConfig(CacheClientProperties properties) {
		CacheClientProperties.CircuitBreaker settings = properties.circuitBreaker();
		return CircuitBreakerConfig.custom()
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(settings.slidingWindowSize())
			.minimumNumberOfCalls(settings.minimumNumberOfCalls())
			.failureRateThreshold(settings.failureRateThreshold())
			.slowCallDurationThreshold(settings.slowCallDurationThreshold())
			.slowCallRateThreshold(settings.slowCallRateThreshold())
			.waitDurationInOpenState(settings.openDuration())
			.permittedNumberOfCallsInHalfOpenState(1)
			.automaticTransitionFromOpenToHalfOpenEnabled(false)
			.recordExceptions(CacheClientException.class)
			.build();
	}

	@Bean
	BulkheadRegistry cacheServiceBulkheadRegistry(MeterRegistry meterRegistry) {
		BulkheadRegistry registry = BulkheadRegistry.ofDefaults();
		TaggedBulkheadMetrics.ofBulkheadRegistry(registry).bindTo(meterRegistry);
		return registry;
	}

	@Bean
	Bulkhead cacheServiceBulkhead(BulkheadRegistry registry, CacheClientProperties properties) {
		return registry.bulkhead(NAME, bulkheadConfig(properties));
	}

	static BulkheadConfig bulkheadConfig(CacheClientProperties properties) {
		return BulkheadConfig.custom()
			.maxConcurrentCalls(properties.bulkhead().maxConcurrentCalls())
			.maxWaitDuration(properties.bulkhead().maxWait())
			.build();
	}

	@Bean
	CacheClient cacheClient(CacheClientProperties properties, CircuitBreaker cacheServiceCircuitBreaker,
			Bulkhead cacheServiceBulkhead, JsonMapper jsonMapper) {
		return new CacheClient(properties, cacheServiceCircuitBreaker, cacheServiceBulkhead, jsonMapper);
	}

	@Bean
	CacheServiceHealthIndicator cacheServiceHealthIndicator(CircuitBreaker cacheServiceCircuitBreaker,
			Bulkhead cacheServiceBulkhead) {
		return new CacheServiceHealthIndicator(cacheServiceCircuitBreaker, cacheServiceBulkhead);
	}

	@Bean
	ExecutorRetryScheduler invalidationRetryScheduler() {
		return new ExecutorRetryScheduler();
	}

	@Bean
	ReadThroughCache readThroughCache(CacheClient cacheClient, CacheClientProperties properties,
			ExecutorRetryScheduler invalidationRetryScheduler) {
		Generations generations = new Generations(cacheClient);
		Invalidator invalidator = new Invalidator(cacheClient, generations, properties.retry(),
				invalidationRetryScheduler);
		return new ReadThroughCache(cacheClient, generations, invalidator);
	}

}
