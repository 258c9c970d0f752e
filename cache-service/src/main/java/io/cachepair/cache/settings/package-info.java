/**
 * Per-cache settings, service-wide limits and their configuration properties.
 */
@NullMarked
package io.cachepair.cache.settings;

import org.jspecify.annotations.NullMarked;
