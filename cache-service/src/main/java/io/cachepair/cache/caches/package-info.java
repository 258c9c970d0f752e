/**
 * Listing, creating, changing and dropping caches, with their settings and statistics.
 */
@NullMarked
package io.cachepair.cache.caches;

import org.jspecify.annotations.NullMarked;
