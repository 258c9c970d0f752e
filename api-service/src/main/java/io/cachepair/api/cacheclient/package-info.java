/**
 * The HTTP client of the cache-service and the cache-aside reads built on it.
 */
@NullMarked
package io.cachepair.api.cacheclient;

import org.jspecify.annotations.NullMarked;
