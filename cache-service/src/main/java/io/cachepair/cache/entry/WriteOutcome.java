package io.cachepair.cache.entry;

/**
 * What a write did.
 */
public enum WriteOutcome {

	/** No live entry existed; the write created one. */
	CREATED,

	/** A live entry existed; the write replaced it. */
	REPLACED,

	/** The precondition failed; nothing changed. */
	PRECONDITION_FAILED

}
