package io.cachepair.api.cacheclient;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * Runs at most one computation per key at a time. Callers that arrive while a computation
 * for their key runs wait for it and share its result or exception.
 *
 * @param <K> the key type
 * @param <V> the result type
 */
class SingleFlight<K, V> {

	private final ConcurrentMap<K, CompletableFuture<V>> inFlight = new ConcurrentHashMap<>();

	/**
	 * Runs the computation for the key, or waits for the one already running.
	 * @param key the key
	 * @param computation computes the result, on the calling thread
	 * @return the result of the computation that served this call
	 */
	V run(K key, Supplier<V> computation) {
		CompletableFuture<V> started = new CompletableFuture<>();
		CompletableFuture<V> running = this.inFlight.putIfAbsent(key, started);
		if (running != null) {
			return await(running);
		}
		try {
			V result = computation.get();
			started.complete(result);
			return result;
		}
		catch (RuntimeException | Error ex) {
			started.completeExceptionally(ex);
			throw ex;
		}
		finally {
			this.inFlight.remove(key, started);
		}
	}

	int inFlightCount() {
		return this.inFlight.size();
	}

	private static <V> V await(CompletableFuture<V> running) {
		try {
			return running.join();
		}
		catch (CompletionException ex) {
			throw rethrowable(ex.getCause());
		}
		catch (CancellationException ex) {
			throw new IllegalStateException("Shared computation was cancelled", ex);
		}
	}

	private static RuntimeException rethrowable(Throwable cause) {
		if (cause instanceof RuntimeException runtime) {
			return runtime;
		}
		if (cause instanceof Error error) {
			throw error;
		}
		return new CompletionException(cause);
	}

}
