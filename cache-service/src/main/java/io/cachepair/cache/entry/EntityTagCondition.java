package io.cachepair.cache.entry;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.cachepair.cache.web.InvalidRequestException;

/**
 * The value of an {@code If-Match} or {@code If-None-Match} header: either {@code *} or a
 * list of entity tags, each strong or weak (RFC 9110, section 13.1).
 *
 * @param any whether the header is {@code *}
 * @param tags the listed tags, empty when {@code any}
 */
public record EntityTagCondition(boolean any, List<Listed> tags) {

	/**
	 * Parses a header value.
	 * @param header the header name, used in error messages
	 * @param value the header value, or {@code null} when the header is absent
	 * @return the condition, or {@code null} when the header is absent
	 * @throws InvalidRequestException if the value is not {@code *} or a list of quoted
	 * tags
	 */
	public static @Nullable EntityTagCondition parse(String header, @Nullable String value) {
		if (value == null) {
			return null;
		}
		String trimmed = value.strip();
		if (trimmed.equals("*")) {
			return new EntityTagCondition(true, List.of());
		}
		List<Listed> tags = new ArrayList<>();
		int position = 0;
		while (position < trimmed.length()) {
			position = parseTag(header, value, trimmed, position, tags);
		}
		if (tags.isEmpty()) {
			throw invalid(header, value);
		}
		return new EntityTagCondition(false, List.copyOf(tags));
	}

	private static int parseTag(String header, String value, String text, int start, List<Listed> tags) {
		int position = start;
		boolean weak = text.startsWith("W/", position);
		if (weak) {
			position += 2;
		}
		if (position >= text.length() || text.charAt(position) != '"') {
			throw invalid(header, value);
		}
		int closing = text.indexOf('"', position + 1);
		if (closing < 0) {
			throw invalid(header, value);
		}
		tags.add(new Listed(text.substring(position + 1, closing), weak));
		return skipSeparator(header, value, text, closing + 1);
	}

	private static int skipSeparator(String header, String value, String text, int start) {
		int position = start;
		while (position < text.length() && (text.charAt(position) == ' ' || text.charAt(position) == '\t')) {
			position++;
		}
		if (position == text.length()) {
			return position;
		}
		if (text.charAt(position) != ',') {
			throw invalid(header, value);
		}
		position++;
		while (position < text.length() && (text.charAt(position) == ' ' || text.charAt(position) == '\t')) {
			position++;
		}
		if (position == text.length()) {
			throw invalid(header, value);
		}
		return position;
	}

	private static InvalidRequestException invalid(String header, String value) {
		return new InvalidRequestException(("Invalid %s header '%s': use * or a comma-separated list of quoted "
				+ "entity tags such as \"abc\" or W/\"abc\".")
			.formatted(header, value));
	}

	/**
	 * Tests the condition with the strong comparison that {@code If-Match} uses: weak
	 * tags never match.
	 * @param current the tag of the current entry, or {@code null} when there is none
	 * @return whether the condition holds
	 */
	public boolean matchesStrongly(@Nullable EntityTag current) {
		if (current == null) {
			return false;
		}
		if (this.any) {
			return true;
		}
		String opaque = current.opaque();
		return this.tags.stream().anyMatch((tag) -> !tag.weak() && tag.opaque().equals(opaque));
	}

	/**
	 * Tests the condition with the weak comparison that {@code If-None-Match} uses.
	 * @param current the tag of the current entry, or {@code null} when there is none
	 * @return whether any listed tag matches, or {@code *} with an entry present
	 */
	public boolean matchesWeakly(@Nullable EntityTag current) {
		if (current == null) {
			return false;
		}
		if (this.any) {
			return true;
		}
		String opaque = current.opaque();
		return this.tags.stream().anyMatch((tag) -> tag.opaque().equals(opaque));
	}

	/**
	 * One entity tag of a list.
	 *
	 * @param opaque the tag between its quotes
	 * @param weak whether it carried the {@code W/} prefix
	 */
	public record Listed(String opaque, boolean weak) {
	}

}
