/**
 * Tests of the cache-service client and the read-through cache.
 */
@NullMarked
package io.cachepair.api.cacheclient;

import org.jspecify.annotations.NullMarked;
