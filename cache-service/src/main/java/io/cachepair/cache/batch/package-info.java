/**
 * Batch calls that read or write many entries of one cache in a single request.
 */
@NullMarked
package io.cachepair.cache.batch;

import org.jspecify.annotations.NullMarked;
