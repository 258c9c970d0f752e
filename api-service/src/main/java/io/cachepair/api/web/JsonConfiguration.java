package io.cachepair.api.web;

import tools.jackson.core.StreamWriteFeature;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JSON settings that Spring Boot has no property for.
 */
@Configuration(proxyBeanMethods = false)
public class JsonConfiguration {

	/**
	 * Writes decimals in plain notation, so that a price never appears in exponent form
	 * such as {@code 1E+3}.
	 */
	@Bean
	JsonMapperBuilderCustomizer plainDecimals() {
		return (builder) -> builder.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN);
	}

}
