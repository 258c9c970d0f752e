package io.cachepair.cache.entry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * Shares one String instance among entries with equal content types. A cache holds
 * millions of entries but few distinct content types, and each request brings its own
 * copy of the header, about 50 bytes per entry before sharing.
 */
final class ContentTypes {

	// Enough for any real mix of types; past it, new types are kept as they come.
	private static final int MAX_SHARED = 256;

	private static final Map<String, String> shared = new ConcurrentHashMap<>();

	private ContentTypes() {
	}

	static @Nullable String find(String contentType) {
		return shared.get(contentType);
	}

	/**
	 * Returns the shared instance of a valid content type, sharing it first if there is
	 * room.
	 */
	static String share(String contentType) {
		if (shared.size() >= MAX_SHARED) {
			return contentType;
		}
		String previous = shared.putIfAbsent(contentType, contentType);
		return (previous != null) ? previous : contentType;
	}

}
