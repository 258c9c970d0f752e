package io.cachepair.api.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The value of an {@code If-Match} or {@code If-None-Match} header, parsed as RFC 9110
 * defines it: {@code *}, or a comma-separated list of entity tags, each an opaque tag in
 * double quotes with an optional {@code W/} prefix. The characters of an opaque tag are
 * {@code !}, {@code #} to {@code ~} and obs-text (bytes from 0x80). Empty list elements,
 * such as in {@code "a",,"b"}, are ignored, as the RFC's list rule requires.
 *
 * @param any whether the header is {@code *}
 * @param tags the listed tags, empty when {@code any}
 */
public record EntityTagList(boolean any, List<EntityTagList.Tag> tags) {

	/**
	 * Parses a header value.
	 * @param value the header value
	 * @return the list, or empty when the value is not {@code *} or a list of at least
	 * one entity tag
	 */
	public static Optional<EntityTagList> parse(String value) {
		String trimmed = stripWhitespace(value);
		if (trimmed.equals("*")) {
			return Optional.of(new EntityTagList(true, List.of()));
		}
		List<Tag> tags = new ArrayList<>();
		int position = 0;
		while (position < trimmed.length()) {
			char c = trimmed.charAt(position);
			if (c == ',' || c == ' ' || c == '\t') {
				position++;
				continue;
			}
			position = parseTag(trimmed, position, tags);
			if (position < 0 || !endsElement(trimmed, position)) {
				return Optional.empty();
			}
		}
		return tags.isEmpty() ? Optional.empty() : Optional.of(new EntityTagList(false, List.copyOf(tags)));
	}

	/**
	 * Parses one entity tag starting at a position.
	 * @return the position after its closing quote, or -1 if none starts there
	 */
	private static int parseTag(String text, int start, List<Tag> tags) {
		boolean weak = text.startsWith("W/", start);
		int quote = weak ? start + 2 : start;
		if (quote >= text.length() || text.charAt(quote) != '"') {
			return -1;
		}
		int position = quote + 1;
		while (position < text.length() && isTagCharacter(text.charAt(position))) {
			position++;
		}
		if (position >= text.length() || text.charAt(position) != '"') {
			return -1;
		}
		tags.add(new Tag(text.substring(quote + 1, position), weak));
		return position + 1;
	}

	/**
	 * Returns whether an element ends at the position: the text ends, or white space and
	 * then a comma or the end follow.
	 */
	private static boolean endsElement(String text, int position) {
		int next = position;
		while (next < text.length() && (text.charAt(next) == ' ' || text.charAt(next) == '\t')) {
			next++;
		}
		return next == text.length() || text.charAt(next) == ',';
	}

	private static boolean isTagCharacter(char c) {
		return c == 0x21 || (c >= 0x23 && c <= 0x7E) || (c >= 0x80 && c <= 0xFF);
	}

	private static String stripWhitespace(String value) {
		int start = 0;
		int end = value.length();
		while (start < end && (value.charAt(start) == ' ' || value.charAt(start) == '\t')) {
			start++;
		}
		while (end > start && (value.charAt(end - 1) == ' ' || value.charAt(end - 1) == '\t')) {
			end--;
		}
		return value.substring(start, end);
	}

	/**
	 * Returns whether the list holds for a current tag: it is {@code *} or lists the tag.
	 * The strong comparison of {@code If-Match} never matches a weak tag; the weak
	 * comparison of {@code If-None-Match} ignores {@code W/}.
	 * @param current the current strong tag in double quotes, such as {@code "abc"}
	 * @param strong whether to compare strongly
	 * @return whether the list matches
	 */
	public boolean matches(String current, boolean strong) {
		if (this.any) {
			return true;
		}
		String opaque = current.substring(1, current.length() - 1);
		return this.tags.stream().anyMatch((tag) -> tag.opaque().equals(opaque) && !(strong && tag.weak()));
	}

	/**
	 * One entity tag of a list.
	 *
	 * @param opaque the tag between its double quotes
	 * @param weak whether it had the {@code W/} prefix
	 */
	public record Tag(String opaque, boolean weak) {

	}

}
