package io.cachepair.cache.store.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A Lua script of the Redis store with the SHA-1 digest that {@code EVALSHA} names it by.
 *
 * @param name the file name, for error messages
 * @param source the script text
 * @param sha1 the hexadecimal SHA-1 digest of the text
 */
record LuaScript(String name, byte[] source, String sha1) {

	/** Reads, refreshing the idle timeout. */
	static final LuaScript READ = entryScript("read.lua");

	/** Writes under a precondition. */
	static final LuaScript WRITE = entryScript("write.lua");

	/** Adds to a counter. */
	static final LuaScript INCREMENT = entryScript("increment.lua");

	/** Removes one entry under a precondition. */
	static final LuaScript REMOVE = entryScript("remove.lua");

	/** Removes one entry, optionally only when it carries a tag. */
	static final LuaScript REMOVE_ENTRY = entryScript("remove-entry.lua");

	/** Adds a key to a tag set. */
	static final LuaScript TAG_ADD = load("tag-add.lua", "");

	/** Moves a tag set aside for a removal by tag. */
	static final LuaScript TAG_SNAPSHOT = load("tag-snapshot.lua", "");

	private static LuaScript entryScript(String name) {
		return load(name, text("common.lua"));
	}

	private static LuaScript load(String name, String prelude) {
		byte[] source = (prelude + text(name)).getBytes(StandardCharsets.UTF_8);
		return new LuaScript(name, source, sha1(source));
	}

	private static String text(String name) {
		try (InputStream in = LuaScript.class.getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException("Lua script '%s' is missing from the class path".formatted(name));
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Failed to read Lua script '%s'".formatted(name), ex);
		}
	}

	private static String sha1(byte[] source) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(source));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform provides SHA-1", ex);
		}
	}

}
