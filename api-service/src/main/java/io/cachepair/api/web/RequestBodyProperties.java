package io.cachepair.api.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on request bodies.
 *
 * @param maxSize largest body accepted; a larger one gets 413 before anything parses it.
 * The default of 64 KB is about three times the largest valid product body, which takes
 * about 22 KB with every text field at its maximum length and each character written as a
 * six-byte JSON escape.
 */
@ConfigurationProperties("cachepair.web.request-body")
public record RequestBodyProperties(@DefaultValue("64KB") DataSize maxSize) {

}
