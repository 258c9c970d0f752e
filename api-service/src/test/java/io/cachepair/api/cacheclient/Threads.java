package io.cachepair.api.cacheclient;

import java.util.List;

import io.cachepair.api.testing.Waiting;

/**
 * Waits for test threads to block.
 */
final class Threads {

	private Threads() {
	}

	/**
	 * Waits until every thread is blocked waiting, such as on a shared result.
	 * @throws AssertionError if they do not all wait within ten seconds
	 */
	static void awaitWaiting(List<Thread> threads) {
		Waiting.awaitTrue(() -> threads.stream().allMatch(Threads::isWaiting), "threads to wait");
	}

	private static boolean isWaiting(Thread thread) {
		Thread.State state = thread.getState();
		return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
	}

}
