/**
 * Web concerns shared by every controller: problem details, JSON settings, conditional
 * and compressed responses, CORS and the OpenAPI description.
 */
@NullMarked
package io.cachepair.api.web;

import org.jspecify.annotations.NullMarked;
