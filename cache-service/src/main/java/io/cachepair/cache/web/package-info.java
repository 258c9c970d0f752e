/**
 * HTTP concerns shared by every endpoint: problem responses and server tuning.
 */
@NullMarked
package io.cachepair.cache.web;

import org.jspecify.annotations.NullMarked;
