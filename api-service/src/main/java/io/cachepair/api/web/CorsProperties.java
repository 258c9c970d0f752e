package io.cachepair.api.web;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Cross-origin settings of the {@code /api/**} paths.
 *
 * @param allowedOrigins origins whose pages may call the API from a browser, such as
 * {@code https://shop.example.com}; empty allows no cross-origin call
 * @param maxAge how long a browser may cache the response to a preflight request
 */
@ConfigurationProperties("cachepair.web.cors")
public record CorsProperties(@DefaultValue List<String> allowedOrigins, @DefaultValue("1h") Duration maxAge) {

}
