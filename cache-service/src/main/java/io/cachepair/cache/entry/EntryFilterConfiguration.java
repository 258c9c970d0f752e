package io.cachepair.cache.entry;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import io.cachepair.cache.security.TokenVerifier;
import io.cachepair.cache.web.ProblemWriter;

/**
 * Registers the entry filter first in the filter chain of {@code /v1/caches/*}.
 */
@Configuration(proxyBeanMethods = false)
class EntryFilterConfiguration {

	@Bean
	FilterRegistrationBean<EntryRequestFilter> entryRequestFilter(EntryHandler handler, ProblemWriter problems,
			ObjectProvider<TokenVerifier> tokenVerifier, MeterRegistry meters) {
		FilterRegistrationBean<EntryRequestFilter> registration = new FilterRegistrationBean<>(
				new EntryRequestFilter(handler, problems, tokenVerifier.getIfAvailable(), meters));
		registration.addUrlPatterns("/v1/caches/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

}
