package io.cachepair.cache.entry;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import io.cachepair.cache.web.InvalidRequestException;

/**
 * Decodes keys from the last segment of a request path. The raw segment is decoded here
 * rather than by the framework so that a key round-trips exactly: {@code %2F} becomes
 * {@code /}, {@code +} stays {@code +}, a {@code ;} is part of the key, and a segment
 * that is not valid UTF-8 is rejected instead of being altered.
 */
public final class EntryKeys {

	private EntryKeys() {
	}

	/**
	 * Decodes and checks a key.
	 * @param rawSegment the path segment as the client sent it
	 * @param maxKeyBytes the longest key allowed, in UTF-8 bytes
	 * @return the key
	 * @throws InvalidRequestException if the segment is empty, badly percent-encoded, not
	 * UTF-8 or longer than the limit
	 */
	public static String decode(String rawSegment, int maxKeyBytes) {
		if (isPlainAscii(rawSegment)) {
			checkLength(rawSegment.length(), maxKeyBytes);
			return rawSegment;
		}
		byte[] bytes = percentDecode(rawSegment);
		checkLength(bytes.length, maxKeyBytes);
		return utf8(bytes);
	}

	private static void checkLength(int length, int maxKeyBytes) {
		if (length == 0) {
			throw new InvalidRequestException("Invalid key: it must not be empty.");
		}
		if (length > maxKeyBytes) {
			throw new InvalidRequestException("Invalid key: it is %d bytes long in UTF-8, over the limit of %d bytes."
				.formatted(length, maxKeyBytes));
		}
	}

	// Most keys need no decoding: ASCII without '%' is already the key.
	private static boolean isPlainAscii(String raw) {
		for (int i = 0; i < raw.length(); i++) {
			char current = raw.charAt(i);
			if (current == '%' || current > 0x7F) {
				return false;
			}
		}
		return true;
	}

	private static byte[] percentDecode(String raw) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
		int index = 0;
		while (index < raw.length()) {
			char current = raw.charAt(index);
			if (current == '%') {
				bytes.write(hexByte(raw, index));
				index += 3;
			}
			else if (current <= 0xFF) {
				// The container hands over raw path bytes as ISO-8859-1 characters, one
				// per byte.
				bytes.write(current);
				index++;
			}
			else {
				throw new InvalidRequestException(
						"Invalid key: character %d is not percent-encoded; encode the key as UTF-8 and percent-encode it."
							.formatted(index));
			}
		}
		return bytes.toByteArray();
	}

	private static int hexByte(String raw, int index) {
		int high = (index + 1 < raw.length()) ? Character.digit(raw.charAt(index + 1), 16) : -1;
		int low = (index + 2 < raw.length()) ? Character.digit(raw.charAt(index + 2), 16) : -1;
		if (high < 0 || low < 0) {
			throw new InvalidRequestException(
					"Invalid key: '%%' at position %d is not followed by two hexadecimal digits; encode a literal '%%' as %%25."
						.formatted(index));
		}
		return (high << 4) | low;
	}

	private static String utf8(byte[] bytes) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new InvalidRequestException("Invalid key: its percent-decoded bytes are not valid UTF-8.");
		}
	}

}
