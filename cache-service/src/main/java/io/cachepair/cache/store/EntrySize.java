package io.cachepair.cache.store;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The bytes an entry counts toward its cache's byte bound: key, value, content type and
 * tags, plus a fixed estimate of the memory store's bookkeeping per entry.
 */
final class EntrySize {

	// Caffeine's node, the map's table slot, the entry record, its tag and the array and
	// string headers. bench/run measured 374 bytes of heap per entry for one million
	// entries with 100-byte values and 10-character keys on a 64-bit JVM with compressed
	// pointers, which leaves about 260 bytes beyond key and value.
	static final int BOOKKEEPING_BYTES = 260;

	private EntrySize() {
	}

	static long of(String key, StoredEntry entry) {
		return of(key, entry.value(), entry.contentType(), entry.tags());
	}

	static long of(String key, byte[] value, String contentType, Set<String> tags) {
		long tagBytes = 0;
		for (String tag : tags) {
			tagBytes += tag.length();
		}
		return BOOKKEEPING_BYTES + key.getBytes(StandardCharsets.UTF_8).length + value.length + contentType.length()
				+ tagBytes;
	}

}
