package io.cachepair.cache.entry;

/**
 * What a removal of one entry did.
 */
public enum RemoveOutcome {

	/** The live entry was removed. */
	REMOVED,

	/** No live entry existed; nothing changed. */
	NOT_FOUND,

	/** The precondition failed; nothing changed. */
	PRECONDITION_FAILED

}
