package io.cachepair.cache.batch;

import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One entry of a batch write. Exactly one of {@code json}, {@code text} and
 * {@code base64} gives the value.
 *
 * @param key the key
 * @param json a JSON value, stored as compact JSON; content type {@code application/json}
 * unless given
 * @param text a string, stored as UTF-8; content type {@code text/plain;charset=UTF-8}
 * unless given
 * @param base64 bytes in base64; content type {@code application/octet-stream} unless
 * given
 * @param contentType the content type to store
 * @param ttl the time to live, as in the {@code ttl} parameter of a single write
 * @param idle the idle timeout, as in the {@code idle} parameter
 * @param tags the tags
 */
public record BatchPutItem(@Nullable String key, @Nullable JsonNode json, @Nullable String text,
		@Nullable String base64, @Nullable String contentType, @Nullable String ttl, @Nullable String idle,
		@Nullable List<@Nullable String> tags) {
}
