package io.cachepair.cache.batch;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import org.jspecify.annotations.Nullable;

/**
 * One key of a batch read. A found entry carries its value in exactly one of {@code json}
 * (a JSON value, embedded as is) or {@code base64} (any other bytes).
 *
 * @param key the key
 * @param found whether a live entry exists
 * @param contentType the entry's content type
 * @param etag the entry's {@code ETag}
 * @param timeLeftSeconds the whole seconds until it expires
 * @param json the value, when its content type is JSON and it parses as one JSON value
 * @param base64 the value otherwise, base64-encoded
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatchGetItem(String key, boolean found, @Nullable String contentType, @Nullable String etag,
		@Nullable Long timeLeftSeconds, @JsonRawValue @Nullable String json, byte @Nullable [] base64) {

	static BatchGetItem missing(String key) {
		return new BatchGetItem(key, false, null, null, null, null, null);
	}

}
