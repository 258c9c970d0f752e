/**
 * Tests of what the api-service reveals: its logs and its actuator endpoints.
 */
@NullMarked
package io.cachepair.api.security;

import org.jspecify.annotations.NullMarked;
