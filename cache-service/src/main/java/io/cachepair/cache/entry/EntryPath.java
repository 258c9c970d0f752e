package io.cachepair.cache.entry;

import org.jspecify.annotations.Nullable;

/**
 * The parts of an entry path, {@code /v1/caches/{cache}/entries/{key}}, taken from the
 * raw request URI.
 *
 * @param cache the cache name, still percent-encoded
 * @param rawKey the key segment, still percent-encoded and possibly empty
 */
record EntryPath(String cache, String rawKey) {

	private static final String PREFIX = "/v1/caches/";

	private static final String ENTRIES = "/entries/";

	/**
	 * Parses a raw request URI.
	 * @param uri the URI path, without the query
	 * @return the parts, or {@code null} when the URI is not an entry path
	 */
	static @Nullable EntryPath parse(String uri) {
		if (!uri.startsWith(PREFIX)) {
			return null;
		}
		int cacheEnd = uri.indexOf('/', PREFIX.length());
		if (cacheEnd <= PREFIX.length() || !uri.startsWith(ENTRIES, cacheEnd)) {
			return null;
		}
		int keyStart = cacheEnd + ENTRIES.length();
		if (uri.indexOf('/', keyStart) >= 0) {
			return null;
		}
		return new EntryPath(uri.substring(PREFIX.length(), cacheEnd), uri.substring(keyStart));
	}

}
