/**
 * Tests of the catalog.
 */
@NullMarked
package io.cachepair.api.catalog;

import org.jspecify.annotations.NullMarked;
