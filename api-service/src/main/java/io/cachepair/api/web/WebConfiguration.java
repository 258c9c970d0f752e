package io.cachepair.api.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Spring MVC settings shared by every controller: the request body limit, CORS for the
 * configured origins and the OpenAPI document's description.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ CorsProperties.class, RequestBodyProperties.class })
@OpenAPIDefinition(info = @Info(title = "Catalog API", version = "v1",
		description = "Products of the catalog, read through the cache-service"))
public class WebConfiguration implements WebMvcConfigurer {

	private final CorsProperties cors;

	WebConfiguration(CorsProperties cors) {
		this.cors = cors;
	}

	/**
	 * Registers the body limit early in the filter chain, before any filter or controller
	 * reads the body, and after the observation filter so that rejected requests still
	 * appear in the request metrics.
	 */
	@Bean
	FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(RequestBodyProperties properties,
			JsonMapper jsonMapper) {
		FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
				new RequestBodyLimitFilter(properties, new FilterProblems(jsonMapper)));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
		return registration;
	}

	/**
	 * Registers the check for {@code .} and {@code ..} path segments just before the body
	 * limit, so that such a request is rejected before its body is read.
	 */
	@Bean
	FilterRegistrationBean<DotSegmentFilter> dotSegmentFilter(JsonMapper jsonMapper) {
		FilterRegistrationBean<DotSegmentFilter> registration = new FilterRegistrationBean<>(
				new DotSegmentFilter(new FilterProblems(jsonMapper)));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new RepeatedParameterCheck()).addPathPatterns("/api/**");
	}

	/**
	 * Allows the configured origins to call the API, sending the conditional request
	 * headers and reading the entity tag, location and cache status of responses.
	 */
	@Override
	public void addCorsMappings(CorsRegistry registry) {
		if (this.cors.allowedOrigins().isEmpty()) {
			return;
		}
		registry.addMapping("/api/**")
			.allowedOrigins(this.cors.allowedOrigins().toArray(String[]::new))
			.allowedMethods("GET", "HEAD", "POST", "PUT", "DELETE")
			.allowedHeaders(HttpHeaders.CONTENT_TYPE, HttpHeaders.IF_MATCH, HttpHeaders.IF_NONE_MATCH)
			.exposedHeaders(HttpHeaders.ETAG, HttpHeaders.LOCATION, "X-Cache")
			.maxAge(this.cors.maxAge().toSeconds());
	}

}
