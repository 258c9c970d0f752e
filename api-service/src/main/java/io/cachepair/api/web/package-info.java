/**
 * Web concerns shared by every controller: problem details and JSON settings.
 */
@NullMarked
package io.cachepair.api.web;

import org.jspecify.annotations.NullMarked;
