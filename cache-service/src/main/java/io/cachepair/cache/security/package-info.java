/**
 * The bearer token that guards every cache call when one is configured.
 */
@NullMarked
package io.cachepair.cache.security;

import org.jspecify.annotations.NullMarked;
