/**
 * End-to-end tests: the real cache-service as a separate process and the api-service in
 * process, driven over HTTP. Maven Failsafe runs them.
 */
@NullMarked
package io.cachepair.api.endtoend;

import org.jspecify.annotations.NullMarked;
