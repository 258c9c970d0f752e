/**
 * End-to-end tests that break the cache-service or the database under steady load and
 * check that the api-service keeps serving requests and recovers on its own.
 */
@NullMarked
package io.cachepair.api.faults;

import org.jspecify.annotations.NullMarked;
