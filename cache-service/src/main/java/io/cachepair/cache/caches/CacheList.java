package io.cachepair.cache.caches;

import java.util.List;

/**
 * The response to {@code GET /v1/caches}.
 *
 * @param caches every cache, sorted by name
 */
public record CacheList(List<CacheView> caches) {
}
