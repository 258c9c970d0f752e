package io.cachepair.cache.expiry;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.cachepair.cache.web.InvalidRequestException;

/**
 * Parses the durations that requests and configuration use for time to live and idle
 * timeout: a whole number of seconds ({@code 90}) or a number with a unit ({@code 90s},
 * {@code 5m}, {@code 2h}, {@code 1d}).
 */
public final class DurationParser {

	// Twelve digits keep every value, even one in days, far inside Duration's range.
	private static final Pattern FORMAT = Pattern.compile("([0-9]{1,12})([smhd]?)");

	private static final String FORMAT_HINT = "use a positive whole number of seconds, or a number with a unit: 90s, 5m, 2h or 1d";

	private DurationParser() {
	}

	/**
	 * Parses {@code text} as a positive duration.
	 * @param name the parameter name used in error messages
	 * @param text the text to parse
	 * @return the duration, always greater than zero
	 * @throws InvalidRequestException if the text is malformed, zero or negative
	 */
	public static Duration parse(String name, String text) {
		Matcher matcher = FORMAT.matcher(text);
		if (!matcher.matches()) {
			String problem = text.startsWith("-") ? "must be greater than zero" : "is not a duration";
			throw new InvalidRequestException(
					"Invalid %s '%s': it %s; %s.".formatted(name, text, problem, FORMAT_HINT));
		}
		long amount = Long.parseLong(matcher.group(1));
		if (amount == 0) {
			throw new InvalidRequestException(
					"Invalid %s '%s': it must be greater than zero; %s.".formatted(name, text, FORMAT_HINT));
		}
		return Duration.of(amount, unit(matcher.group(2)));
	}

	private static ChronoUnit unit(String suffix) {
		return switch (suffix) {
			case "m" -> ChronoUnit.MINUTES;
			case "h" -> ChronoUnit.HOURS;
			case "d" -> ChronoUnit.DAYS;
			default -> ChronoUnit.SECONDS;
		};
	}

	/**
	 * Formats a duration the way {@link #parse} reads it, in the largest unit that
	 * divides it exactly.
	 * @param duration a positive duration
	 * @return the text, such as {@code 5m} or {@code 90s}
	 */
	public static String format(Duration duration) {
		long seconds = duration.toSeconds();
		if (seconds % 86400 == 0) {
			return seconds / 86400 + "d";
		}
		if (seconds % 3600 == 0) {
			return seconds / 3600 + "h";
		}
		if (seconds % 60 == 0) {
			return seconds / 60 + "m";
		}
		return seconds + "s";
	}

}
