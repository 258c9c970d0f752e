package io.cachepair.cache.batch;

import java.util.List;

/**
 * The response to a batch write.
 *
 * @param entries one item per written entry, in request order
 */
public record BatchPutResult(List<Written> entries) {

	/**
	 * One written entry.
	 *
	 * @param key the key
	 * @param etag the entry's new {@code ETag}
	 * @param created whether no live entry existed before
	 */
	public record Written(String key, String etag, boolean created) {
	}

}
