package io.cachepair.api.cacheclient;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.Valid;
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
 * @param retry how tag removals that failed after a write are retried
 */
@ConfigurationProperties("cachepair.cache-client")
@Validated
public record CacheClientProperties(@DefaultValue("http://localhost:8081") URI baseUrl, @Nullable String token,
		@DefaultValue("250ms") @DurationMin(millis = 1) Duration connectTimeout,
		@DefaultValue("500ms") @DurationMin(millis = 1) Duration requestTimeout,
		@DefaultValue @Valid CircuitBreaker circuitBreaker, @DefaultValue @Valid Retry retry) {

	/**
	 * Settings of the circuit breaker in front of the cache-service.
	 *
	 * @param failureThreshold consecutive failed calls that open the circuit
	 * @param openDuration time the circuit stays open, so that calls skip the
	 * cache-service, before one call tries it again
	 */
	public record CircuitBreaker(@DefaultValue("3") @Min(1) int failureThreshold,
			@DefaultValue("5s") @DurationMin(millis = 1) Duration openDuration) {

	}

	/**
	 * Settings of the background retries of failed tag removals.
	 *
	 * @param maxAttempts maximum number of attempts per tag, the first one included
	 * @param initialDelay delay before the first retry, doubled before each later one
	 * @param maxDelay maximum delay between two attempts
	 */
	public record Retry(@DefaultValue("6") @Min(1) int maxAttempts,
			@DefaultValue("500ms") @DurationMin(millis = 1) Duration initialDelay,
			@DefaultValue("10s") @DurationMin(millis = 1) Duration maxDelay) {

	}

}
