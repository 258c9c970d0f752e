/**
 * Per-cache statistics: hits, misses, writes and removals counted by the service for
 * every store, and their Micrometer meters.
 */
@NullMarked
package io.cachepair.cache.stats;

import org.jspecify.annotations.NullMarked;
