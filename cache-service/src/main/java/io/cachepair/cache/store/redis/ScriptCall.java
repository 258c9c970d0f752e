package io.cachepair.cache.store.redis;

/**
 * One run of a Lua script with its keys and arguments.
 *
 * @param script the script
 * @param keys the keys it touches, all in one cluster slot
 * @param args its arguments
 */
record ScriptCall(LuaScript script, byte[][] keys, byte[][] args) {

	static ScriptCall of(LuaScript script, byte[] key, byte[]... args) {
		return new ScriptCall(script, new byte[][] { key }, args);
	}

}
