package io.cachepair.cache.entry;

import org.jspecify.annotations.Nullable;

/**
 * The conditions a write or removal places on the current entry; a store checks them and
 * applies the change in one atomic step.
 *
 * @param ifMatch the {@code If-Match} condition, or {@code null}
 * @param ifNoneMatch the {@code If-None-Match} condition, or {@code null}
 */
public record Precondition(@Nullable EntityTagCondition ifMatch, @Nullable EntityTagCondition ifNoneMatch) {

	/** No condition: the change always applies. */
	public static final Precondition NONE = new Precondition(null, null);

	/**
	 * Tests the conditions against the current entry.
	 * @param current the tag of the current live entry, or {@code null} when there is
	 * none
	 * @return whether the change may apply
	 */
	public boolean allows(@Nullable EntityTag current) {
		if (this.ifMatch != null && !this.ifMatch.matchesStrongly(current)) {
			return false;
		}
		return this.ifNoneMatch == null || !this.ifNoneMatch.matchesWeakly(current);
	}

	/**
	 * Returns whether there is any condition to check.
	 * @return {@code true} unless this is {@link #NONE}
	 */
	public boolean isConditional() {
		return this.ifMatch != null || this.ifNoneMatch != null;
	}

}
