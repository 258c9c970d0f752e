package io.cachepair.api.cacheclient;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the cache-service client.
 *
 * @param baseUrl base URL of the cache-service, without the {@code /v1} path
 * @param token bearer token sent with every call, or {@code null} when the cache-service
 * runs without one
 * @param connectTimeout maximum time to open a connection
 * @param requestTimeout maximum time for one call, from sending the request to receiving
 * the response
 * @param circuitBreaker when to stop calling a failing cache-service for a while
 * @param bulkhead how many calls may run at once
 * @param retry how failed invalidations after a write are retried
 */
@ConfigurationProperties("cachepair.cache-client")
@Validated
public record CacheClientProperties(@DefaultValue("http://localhost:8081") URI baseUrl, @Nullable String token,
		@DefaultValue("250ms") @DurationMin(millis = 1) Duration connectTimeout,
		@DefaultValue("500ms") @DurationMin(millis = 1) Duration requestTimeout,
		@DefaultValue @Valid CircuitBreaker circuitBreaker, @DefaultValue @Valid Bulkhead bulkhead,
		@DefaultValue @Valid Retry retry) {

	/**
	 * Settings of the Resilience4j circuit breaker in front of the cache-service. The
	 * breaker counts the outcomes of the last {@code slidingWindowSize} calls. Once at
	 * least {@code minimumNumberOfCalls} are counted and {@code failureRateThreshold}
	 * percent of them failed, or {@code slowCallRateThreshold} percent of them took
	 * longer than {@code slowCallDurationThreshold}, it opens. After {@code openDuration}
	 * it lets one trial call through, which closes it again when it succeeds in time and
	 * reopens it otherwise.
	 *
	 * @param failureRateThreshold percentage of failed calls that opens the breaker
	 * @param slidingWindowSize number of recent calls whose outcome counts
	 * @param minimumNumberOfCalls calls to count before the failure rate can open the
	 * breaker
	 * @param openDuration time the breaker stays open, so that calls skip the
	 * cache-service, before one trial call
	 * @param slowCallDurationThreshold time after which a call that succeeds counts as
	 * slow. A cache-service this slow costs more than the database load it saves, and a
	 * miss pays for two calls, the read and the store.
	 * @param slowCallRateThreshold percentage of slow calls that opens the breaker
	 */
	public record CircuitBreaker(@DefaultValue("50") @DecimalMin("1") @DecimalMax("100") float failureRateThreshold,
			@DefaultValue("10") @Min(1) int slidingWindowSize, @DefaultValue("5") @Min(1) int minimumNumberOfCalls,
			@DefaultValue("5s") @DurationMin(millis = 1) Duration openDuration,
			@DefaultValue("250ms") @DurationMin(millis = 1) Duration slowCallDurationThreshold,
			@DefaultValue("100") @DecimalMin("1") @DecimalMax("100") float slowCallRateThreshold) {

	}

	/**
	 * Settings of the bulkhead that bounds concurrent cache-service calls, and so the
	 * number of connections to it. A call that finds no free slot within {@code maxWait}
	 * is skipped, and a read then bypasses the cache-service.
	 *
	 * @param maxConcurrentCalls maximum number of calls in progress at once
	 * @param maxWait maximum time a call waits for a free slot
	 */
	public record Bulkhead(@DefaultValue("64") @Min(1) int maxConcurrentCalls, @DefaultValue("10ms") Duration maxWait) {

	}

	/**
	 * Settings of the background retries of failed invalidations.
	 *
	 * @param maxAttempts maximum number of attempts per invalidation, the first one
	 * included
	 * @param initialDelay delay before the first retry, doubled before each later one
	 * @param maxDelay maximum delay between two attempts
	 */
	public record Retry(@DefaultValue("6") @Min(1) int maxAttempts,
			@DefaultValue("500ms") @DurationMin(millis = 1) Duration initialDelay,
			@DefaultValue("10s") @DurationMin(millis = 1) Duration maxDelay) {

	}

}
