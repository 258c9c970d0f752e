package io.cachepair.cache.entry;

/**
 * Checks content types against the media type grammar of RFC 9110, section 8.3.1:
 * {@code type "/" subtype *( OWS ";" OWS [ token "=" ( token / quoted-string ) ] )}.
 * Stored content types are sent back in responses, so only well-formed ones are kept.
 */
final class MediaTypes {

	private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

	private MediaTypes() {
	}

	static boolean isValid(String text) {
		int position = token(text, 0);
		if (position == 0 || position >= text.length() || text.charAt(position) != '/') {
			return false;
		}
		int subtypeEnd = token(text, position + 1);
		if (subtypeEnd == position + 1) {
			return false;
		}
		return parameters(text, subtypeEnd);
	}

	private static boolean parameters(String text, int start) {
		int position = whitespace(text, start);
		while (position < text.length()) {
			if (text.charAt(position) != ';') {
				return false;
			}
			position = whitespace(text, position + 1);
			if (position < text.length() && text.charAt(position) != ';') {
				position = parameter(text, position);
				if (position < 0) {
					return false;
				}
				position = whitespace(text, position);
			}
		}
		return true;
	}

	// Returns the position after "name=value", or -1 when it is malformed.
	private static int parameter(String text, int start) {
		int nameEnd = token(text, start);
		if (nameEnd == start || nameEnd >= text.length() || text.charAt(nameEnd) != '=') {
			return -1;
		}
		int valueStart = nameEnd + 1;
		if (valueStart < text.length() && text.charAt(valueStart) == '"') {
			return quotedString(text, valueStart);
		}
		int valueEnd = token(text, valueStart);
		return (valueEnd == valueStart) ? -1 : valueEnd;
	}

	private static int quotedString(String text, int start) {
		int position = start + 1;
		while (position < text.length()) {
			char current = text.charAt(position);
			if (current == '"') {
				return position + 1;
			}
			if (current == '\\') {
				position++;
				if (position >= text.length() || !isQuotedPairCharacter(text.charAt(position))) {
					return -1;
				}
			}
			else if (!isQuotedTextCharacter(current)) {
				return -1;
			}
			position++;
		}
		return -1;
	}

	private static boolean isQuotedTextCharacter(char character) {
		return character == '\t' || character == ' ' || character == 0x21 || (character >= 0x23 && character <= 0x5B)
				|| (character >= 0x5D && character <= 0x7E) || (character >= 0x80 && character <= 0xFF);
	}

	private static boolean isQuotedPairCharacter(char character) {
		return character == '\t' || (character >= 0x20 && character <= 0x7E)
				|| (character >= 0x80 && character <= 0xFF);
	}

	private static int token(String text, int start) {
		int position = start;
		while (position < text.length() && isTokenCharacter(text.charAt(position))) {
			position++;
		}
		return position;
	}

	private static boolean isTokenCharacter(char character) {
		return (character >= 'a' && character <= 'z') || (character >= 'A' && character <= 'Z')
				|| (character >= '0' && character <= '9') || TOKEN_SYMBOLS.indexOf(character) >= 0;
	}

	private static int whitespace(String text, int start) {
		int position = start;
		while (position < text.length() && (text.charAt(position) == ' ' || text.charAt(position) == '\t')) {
			position++;
		}
		return position;
	}

}
