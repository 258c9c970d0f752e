package io.cachepair.cache.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import io.cachepair.cache.settings.CacheServiceProperties;

/**
 * Installs the bearer token check on {@code /v1} when {@code cache-service.token} is set
 * to a non-blank value; health and metrics stay open for probes and scrapers.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${cache-service.token:}'.trim() != ''")
class SecurityConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(SecurityConfiguration.class);

	@Bean
	TokenVerifier tokenVerifier(CacheServiceProperties properties) {
		String token = properties.token();
		if (token == null) {
			throw new IllegalStateException("cache-service.token is set but could not be bound");
		}
		logger.info("Bearer token required on /v1 calls");
		return new TokenVerifier(token.strip());
	}

	@Bean
	FilterRegistrationBean<BearerTokenFilter> bearerTokenFilter(TokenVerifier verifier) {
		FilterRegistrationBean<BearerTokenFilter> registration = new FilterRegistrationBean<>(
				new BearerTokenFilter(verifier));
		registration.addUrlPatterns("/v1/*");
		// After the observation filter, so that rejected calls show in the request
		// metrics.
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
		return registration;
	}

}
