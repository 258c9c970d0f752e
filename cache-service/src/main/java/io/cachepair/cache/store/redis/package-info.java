/**
 * The Redis store: entries shared by every replica of the cache-service through one
 * Redis, Sentinel or Redis Cluster, reached with Spring Data Redis on Lettuce.
 */
@NullMarked
package io.cachepair.cache.store.redis;

import org.jspecify.annotations.NullMarked;
