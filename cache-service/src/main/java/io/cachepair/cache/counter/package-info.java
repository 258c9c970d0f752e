/**
 * Counters: entries holding a decimal 64-bit integer that clients add to atomically.
 */
@NullMarked
package io.cachepair.cache.counter;

import org.jspecify.annotations.NullMarked;
