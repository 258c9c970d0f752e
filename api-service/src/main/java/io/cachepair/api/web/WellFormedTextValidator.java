package io.cachepair.api.web;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.jspecify.annotations.Nullable;

/**
 * Checks {@link WellFormedText}.
 */
public class WellFormedTextValidator implements ConstraintValidator<WellFormedText, CharSequence> {

	private boolean multiline;

	@Override
	public void initialize(WellFormedText annotation) {
		this.multiline = annotation.multiline();
	}

	@Override
	public boolean isValid(@Nullable CharSequence text, ConstraintValidatorContext context) {
		return text == null || isWellFormed(text, this.multiline);
	}

	/**
	 * Returns whether the text has no unpaired surrogate and no control character, other
	 * than tab, line feed and carriage return when {@code multiline} is set.
	 * @param text the text
	 * @param multiline whether tab, line feed and carriage return are allowed
	 * @return whether the text is well formed
	 */
	public static boolean isWellFormed(CharSequence text, boolean multiline) {
		int length = text.length();
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c) || (Character.isISOControl(c) && !(multiline && isLineSpace(c)))) {
				return false;
			}
		}
		return true;
	}

	private static boolean isLineSpace(char c) {
		return c == '\t' || c == '\n' || c == '\r';
	}

}
