package io.cachepair.cache.store.redis;

import java.nio.charset.StandardCharsets;

import io.cachepair.cache.web.InvalidRequestException;

/**
 * The names of the Redis keys the store uses, all under one configurable key prefix.
 * <ul>
 * <li>{@code <prefix>:<cache>:e:<key>}: a hash holding one entry.</li>
 * <li>{@code <prefix>:<cache>:t:{<cache>:<tag>}}: the set of entry keys written with a
 * tag. The braces make it a hash tag, so that the snapshot and registry keys of a removal
 * by tag, which append to this name, live in the same cluster slot.</li>
 * <li>{@code <tag set>:removal:<id>} and {@code <tag set>:removals}: the tag set moved
 * aside by one removal by tag, and the set of such snapshots still being removed.</li>
 * </ul>
 * Cache names must not contain {@code :}, which would make two caches' keys overlap, nor
 * braces, which would move the hash tag.
 */
final class RedisKeys {

	private final String prefix;

	RedisKeys(String prefix) {
		if (prefix.isEmpty() || prefix.indexOf('{') >= 0 || prefix.indexOf('}') >= 0) {
			throw new IllegalArgumentException(
					"Invalid cache-service.redis.key-prefix '%s': it must be non-empty and contain no braces"
						.formatted(prefix));
		}
		this.prefix = prefix;
	}

	/**
	 * Checks that a cache name can be part of a key.
	 * @param cacheName the cache name
	 * @throws InvalidRequestException if it contains a colon or a brace
	 */
	static void checkCacheName(String cacheName) {
		if (cacheName.indexOf(':') >= 0 || cacheName.indexOf('{') >= 0 || cacheName.indexOf('}') >= 0) {
			throw new InvalidRequestException(
					"Invalid cache name '%s': the Redis store accepts no ':', '{' or '}' in cache names."
						.formatted(cacheName));
		}
	}

	byte[] entry(String cacheName, String key) {
		return bytes(entryNamespace(cacheName) + key);
	}

	/**
	 * Returns the key of an entry from its Redis key.
	 * @param cacheName the cache name
	 * @param redisKey the Redis key of the entry
	 * @return the key as clients know it
	 */
	String keyOf(String cacheName, byte[] redisKey) {
		return new String(redisKey, StandardCharsets.UTF_8).substring(entryNamespace(cacheName).length());
	}

	/**
	 * Returns the {@code SCAN} pattern that matches every entry whose key starts with a
	 * prefix, with the pattern's special characters escaped.
	 * @param cacheName the cache name
	 * @param keyPrefix the key prefix, empty for every entry of the cache
	 * @return the pattern
	 */
	byte[] entryPattern(String cacheName, String keyPrefix) {
		String literal = entryNamespace(cacheName) + keyPrefix;
		StringBuilder pattern = new StringBuilder(literal.length() + 8);
		for (int i = 0; i < literal.length(); i++) {
			char c = literal.charAt(i);
			if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\') {
				pattern.append('\\');
			}
			pattern.append(c);
		}
		return bytes(pattern.append('*').toString());
	}

	byte[] tagSet(String cacheName, String tag) {
		return bytes(this.prefix + ":" + cacheName + ":t:{" + cacheName + ":" + tag + "}");
	}

	static byte[] snapshot(byte[] tagSet, String removalId) {
		return concat(tagSet, ":removal:" + removalId);
	}

	static byte[] registry(byte[] tagSet) {
		return concat(tagSet, ":removals");
	}

	private String entryNamespace(String cacheName) {
		return this.prefix + ":" + cacheName + ":e:";
	}

	private static byte[] concat(byte[] head, String tail) {
		byte[] tailBytes = bytes(tail);
		byte[] joined = new byte[head.length + tailBytes.length];
		System.arraycopy(head, 0, joined, 0, head.length);
		System.arraycopy(tailBytes, 0, joined, head.length, tailBytes.length);
		return joined;
	}

	static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
