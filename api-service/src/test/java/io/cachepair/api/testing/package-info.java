/**
 * Test support shared by the test packages.
 */
@NullMarked
package io.cachepair.api.testing;

import org.jspecify.annotations.NullMarked;
