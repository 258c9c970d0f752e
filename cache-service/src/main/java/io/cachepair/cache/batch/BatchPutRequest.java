package io.cachepair.cache.batch;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The body of a batch write.
 *
 * @param entries the entries to write, in order
 */
public record BatchPutRequest(@Nullable List<@Nullable BatchPutItem> entries) {
}
