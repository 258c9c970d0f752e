/**
 * Removal of many entries at once: by key prefix, by tag and by flushing a cache.
 */
@NullMarked
package io.cachepair.cache.invalidation;

import org.jspecify.annotations.NullMarked;
