/**
 * HTTP concerns shared by every endpoint: problem answers and server tuning.
 */
@NullMarked
package io.cachepair.cache.web;

import org.jspecify.annotations.NullMarked;
