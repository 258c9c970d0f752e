/**
 * Reading and writing single entries over HTTP.
 */
@NullMarked
package io.cachepair.cache.entry;

import org.jspecify.annotations.NullMarked;
