package io.cachepair.api.web;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JSON settings that Spring Boot has no property for, and the strict reading that the API
 * promises wherever the mapper is built.
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

	/**
	 * Rejects request bodies with a field that no request type declares or a field given
	 * twice, instead of ignoring the one or keeping the last of the other.
	 */
	@Bean
	JsonMapperBuilderCustomizer strictReading() {
		return (builder) -> builder.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
	}

	/**
	 * Rejects a number given as a string, such as {@code "price":"5.00"}, instead of
	 * converting it, so that a client's type mistake is reported.
	 */
	@Bean
	JsonMapperBuilderCustomizer noNumbersFromStrings() {
		return (builder) -> builder
			.withCoercionConfig(LogicalType.Integer,
					(config) -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Float,
					(config) -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail));
	}

}
