package io.cachepair.api.cacheclient;

import java.net.http.HttpClient;
import java.time.Clock;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Beans of the cache-service client: one pooled HTTP/1.1 client, the circuit breaker
 * around it, and the read-through cache on top.
 */
@Configuration(proxyBeanMethods = false)
class CacheClientConfiguration {

	@Bean
	CacheClient cacheClient(CacheClientProperties properties, JsonMapper jsonMapper) {
		// The JDK client keeps idle HTTP/1.1 connections open and reuses them.
		HttpClient httpClient = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(properties.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		CircuitBreaker circuitBreaker = new CircuitBreaker(properties.circuitBreaker(), Clock.systemUTC());
		return new CacheClient(httpClient, properties, circuitBreaker, jsonMapper);
	}

	@Bean
	ExecutorRetryScheduler tagRemovalRetryScheduler() {
		return new ExecutorRetryScheduler();
	}

	@Bean
	ReadThroughCache readThroughCache(CacheClient cacheClient, CacheClientProperties properties,
			ExecutorRetryScheduler tagRemovalRetryScheduler) {
		TagRemover tagRemover = new TagRemover(cacheClient, properties.retry(), tagRemovalRetryScheduler);
		return new ReadThroughCache(cacheClient, tagRemover);
	}

}
