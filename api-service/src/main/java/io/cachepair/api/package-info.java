/**
 * The api-service: a product catalog JSON API that reads through the cache-service.
 */
@NullMarked
package io.cachepair.api;

import org.jspecify.annotations.NullMarked;
