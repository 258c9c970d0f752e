/**
 * The cache-service application.
 */
@NullMarked
package io.cachepair.cache;

import org.jspecify.annotations.NullMarked;
