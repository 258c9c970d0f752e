package io.cachepair.cache.store;

/**
 * Thrown from inside a Caffeine {@code compute} to leave the entry exactly as it was.
 * Returning the current value instead would count as an update and restart the entry's
 * idle timeout, which only a read may do.
 */
final class UnchangedSignal extends RuntimeException {

	static final UnchangedSignal INSTANCE = new UnchangedSignal();

	private UnchangedSignal() {
		super("entry left unchanged", null, false, false);
	}

}
