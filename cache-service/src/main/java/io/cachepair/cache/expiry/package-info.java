/**
 * Time to live and idle timeout: parsing, defaults and the per-entry expiry of the memory
 * store.
 */
@NullMarked
package io.cachepair.cache.expiry;

import org.jspecify.annotations.NullMarked;
