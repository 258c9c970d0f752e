package io.cachepair.cache.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Spring MVC configuration: the checks that every {@code /v1} call handled by MVC passes.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new QueryParameterCheck()).addPathPatterns("/v1/**");
		registry.addInterceptor(new ConditionalHeaderCheck()).addPathPatterns("/v1/**");
	}

}
