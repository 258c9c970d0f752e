package io.cachepair.cache.batch;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The body of a batch read.
 *
 * @param keys the keys to read, returned in this order
 */
public record BatchGetRequest(@Nullable List<@Nullable String> keys) {
}
