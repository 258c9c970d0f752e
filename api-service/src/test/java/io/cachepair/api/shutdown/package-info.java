/**
 * End-to-end tests that stop each service with {@code SIGTERM} under load and check that
 * it finishes every request it took in.
 */
@NullMarked
package io.cachepair.api.shutdown;

import org.jspecify.annotations.NullMarked;
