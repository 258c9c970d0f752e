/**
 * Tests of the web concerns shared by every controller.
 */
@NullMarked
package io.cachepair.api.web;

import org.jspecify.annotations.NullMarked;
