/**
 * Implementations of the entry store: the memory store on Caffeine.
 */
@NullMarked
package io.cachepair.cache.store;

import org.jspecify.annotations.NullMarked;
