package io.cachepair.api.cacheclient;

import org.jspecify.annotations.Nullable;

/**
 * The precondition of a write to the cache-service, which checks it and writes in one
 * atomic step.
 *
 * @param ifNoneMatch the {@code If-None-Match} header to send, or {@code null}
 * @param ifMatch the {@code If-Match} header to send, or {@code null}
 */
public record WriteCondition(@Nullable String ifNoneMatch, @Nullable String ifMatch) {

	/**
	 * No precondition: the write replaces any entry.
	 */
	public static final WriteCondition NONE = new WriteCondition(null, null);

	/**
	 * Writes only when no live entry has the key.
	 */
	public static final WriteCondition CREATE_ONLY = new WriteCondition("*", null);

	/**
	 * Writes only when the live entry has the given entity tag.
	 * @param etag the quoted strong entity tag of the entry to replace
	 * @return the condition
	 */
	public static WriteCondition replacing(String etag) {
		return new WriteCondition(null, etag);
	}

}
