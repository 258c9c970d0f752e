package io.cachepair.api.catalog;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExceptionResolver;

import io.cachepair.api.web.JsonResponses;

/**
 * Registers the product read filter first in the filter chain of
 * {@code /api/v1/products/*}.
 */
@Configuration(proxyBeanMethods = false)
class ProductReadFilterConfiguration {

	@Bean
	FilterRegistrationBean<ProductReadFilter> productReadFilter(ProductReadService reads, JsonResponses responses,
			@Qualifier("handlerExceptionResolver") HandlerExceptionResolver exceptionResolver, MeterRegistry meters) {
		FilterRegistrationBean<ProductReadFilter> registration = new FilterRegistrationBean<>(
				new ProductReadFilter(reads, responses, exceptionResolver, meters));
		registration.addUrlPatterns("/api/v1/products/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

}
