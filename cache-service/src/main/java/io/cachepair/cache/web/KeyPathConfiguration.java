package io.cachepair.cache.web;

import org.apache.tomcat.util.buf.EncodedSolidusHandling;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Lets keys and tags carry {@code /} and {@code \} as {@code %2F} and {@code %5C}: Tomcat
 * rejects both by default, and decoding them would split one path segment in two.
 */
@Configuration(proxyBeanMethods = false)
class KeyPathConfiguration {

	@Bean
	TomcatConnectorCustomizer encodedSlashPassThrough() {
		return (connector) -> {
			connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
			connector.setEncodedReverseSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
		};
	}

}
