/**
 * The product catalog: products, their repository, the HTTP API and the sample catalog.
 */
@NullMarked
package io.cachepair.api.catalog;

import org.jspecify.annotations.NullMarked;
