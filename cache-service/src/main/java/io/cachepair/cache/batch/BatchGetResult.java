package io.cachepair.cache.batch;

import java.util.List;

/**
 * The response to a batch read.
 *
 * @param entries one item per requested key, in request order
 */
public record BatchGetResult(List<BatchGetItem> entries) {
}
