package io.cachepair.cache.store.redis;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.cachepair.cache.entry.EntityTag;
import io.cachepair.cache.entry.EntityTagCondition;

/**
 * Converts between Java values and the byte strings that the Lua scripts take and return.
 */
final class RedisArguments {

	/** The condition argument for an absent {@code If-Match} or {@code If-None-Match}. */
	private static final String NO_CONDITION = "-";

	private RedisArguments() {
	}

	static byte[] number(long value) {
		return text(Long.toString(value));
	}

	static byte[] text(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

	static String text(Object reply) {
		return new String((byte[]) reply, StandardCharsets.UTF_8);
	}

	/**
	 * Returns a duration in whole milliseconds, at least 1 so that a positive duration
	 * never reads as "none".
	 * @param duration the duration, or {@code null}
	 * @return the milliseconds, or 0 for {@code null}
	 */
	static long millis(@Nullable Duration duration) {
		return (duration != null) ? Math.max(1, duration.toMillis()) : 0;
	}

	/**
	 * Encodes an {@code If-Match} condition for the scripts: {@code -} when absent,
	 * {@code *}, or the strong listed tags each between double quotes, because weak tags
	 * never match strongly.
	 * @param condition the condition, or {@code null}
	 * @return the argument
	 */
	static byte[] ifMatch(@Nullable EntityTagCondition condition) {
		return condition(condition, true);
	}

	/**
	 * Encodes an {@code If-None-Match} condition, whose weak comparison counts every
	 * listed tag.
	 * @param condition the condition, or {@code null}
	 * @return the argument
	 */
	static byte[] ifNoneMatch(@Nullable EntityTagCondition condition) {
		return condition(condition, false);
	}

	private static byte[] condition(@Nullable EntityTagCondition condition, boolean strongOnly) {
		if (condition == null) {
			return text(NO_CONDITION);
		}
		if (condition.any()) {
			return text("*");
		}
		StringBuilder listed = new StringBuilder();
		for (EntityTagCondition.Listed tag : condition.tags()) {
			if (!strongOnly || !tag.weak()) {
				listed.append('"').append(tag.opaque()).append('"');
			}
		}
		return text(listed.toString());
	}

	/**
	 * Parses the header form of a stored tag without quotes.
	 * @param reply the tag's 22 base64url characters
	 * @return the tag
	 */
	static EntityTag etag(Object reply) {
		ByteBuffer digest = ByteBuffer.wrap(Base64.getUrlDecoder().decode((byte[]) reply));
		return new EntityTag(digest.getLong(), digest.getLong());
	}

	/**
	 * Returns the text elements of a script's reply from an index on.
	 * @param reply the reply
	 * @param from the first index
	 * @return the elements as UTF-8 text
	 */
	static List<String> texts(List<Object> reply, int from) {
		List<String> texts = new ArrayList<>(Math.max(0, reply.size() - from));
		for (int i = from; i < reply.size(); i++) {
			texts.add(text(reply.get(i)));
		}
		return texts;
	}

}
