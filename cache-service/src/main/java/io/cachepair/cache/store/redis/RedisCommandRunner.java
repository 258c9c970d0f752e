package io.cachepair.cache.store.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.lettuce.LettuceConnection;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Sends commands and Lua scripts to Redis over the connection that Spring Data Redis
 * shares, and turns an unreachable or silent Redis into
 * {@link StoreUnavailableException}. Scripts go by {@code EVALSHA}, falling back to
 * {@code EVAL} on the node that does not know them yet, for example after a restart. Many
 * calls are sent at once on Lettuce's asynchronous API, which routes each to its cluster
 * node, and awaited in order.
 */
final class RedisCommandRunner {

	private static final Logger logger = LoggerFactory.getLogger(RedisCommandRunner.class);

	// Server errors that mean "try again later", not a fault of the request; OOM is Redis
	// full under maxmemory with a policy that cannot evict.
	private static final List<String> TRANSIENT_ERRORS = List.of("LOADING", "BUSY", "CLUSTERDOWN", "MASTERDOWN",
			"TRYAGAIN", "READONLY", "NOREPLICAS", "OOM");

	private final LettuceConnectionFactory factory;

	private final Duration timeout;

	private final AtomicBoolean reachable = new AtomicBoolean(true);

	RedisCommandRunner(LettuceConnectionFactory factory, Duration timeout) {
		this.factory = factory;
		this.timeout = timeout;
	}

	/**
	 * Returns the asynchronous commands of the shared connection; for a cluster they
	 * route each command to the node that serves its key's slot.
	 * @return the commands
	 */
	RedisClusterAsyncCommands<byte[], byte[]> commands() {
		// Only a command's reply proves Redis reachable: the shared connection object
		// exists while Lettuce is still reconnecting.
		return onConnection((connection) -> ((LettuceConnection) connection).getNativeConnection());
	}

	/**
	 * Runs commands on a Spring Data Redis connection, translating their failures.
	 * @param <T> the result type
	 * @param callback the callback that sends the commands
	 * @return what the callback returns
	 */
	<T extends @Nullable Object> T withConnection(Function<RedisConnection, T> callback) {
		T result = onConnection(callback);
		markReachable();
		return result;
	}

	private <T extends @Nullable Object> T onConnection(Function<RedisConnection, T> callback) {
		try (RedisConnection connection = this.factory.getConnection()) {
			return callback.apply(connection);
		}
		catch (RuntimeException ex) {
			throw translate(ex);
		}
	}

	List<Object> run(ScriptCall call) {
		return await(submit(commands(), call));
	}

	/**
	 * Sends every call before awaiting the first, and returns the results in call order.
	 * @param calls the calls
	 * @return one result per call
	 */
	List<List<Object>> runAll(List<ScriptCall> calls) {
		if (calls.isEmpty()) {
			return List.of();
		}
		RedisClusterAsyncCommands<byte[], byte[]> commands = commands();
		List<CompletableFuture<List<Object>>> futures = new ArrayList<>(calls.size());
		for (ScriptCall call : calls) {
			futures.add(submit(commands, call));
		}
		List<List<Object>> results = new ArrayList<>(calls.size());
		for (CompletableFuture<List<Object>> future : futures) {
			results.add(await(future));
		}
		return results;
	}

	private static CompletableFuture<List<Object>> submit(RedisClusterAsyncCommands<byte[], byte[]> commands,
			ScriptCall call) {
		LuaScript script = call.script();
		CompletableFuture<List<Object>> bySha = send(commands,
				(async) -> async.evalsha(script.sha1(), ScriptOutputType.MULTI, call.keys(), call.args()));
		return bySha.exceptionallyCompose((ex) -> {
			if (unwrap(ex) instanceof RedisNoScriptException) {
				return send(commands,
						(async) -> async.eval(script.source(), ScriptOutputType.MULTI, call.keys(), call.args()));
			}
			return CompletableFuture.failedFuture(ex);
		});
	}

	/**
	 * Sends one command on the shared connection.
	 * @param <T> the result type
	 * @param command the command to send
	 * @return the pending result, failed if sending itself failed
	 */
	<T> CompletableFuture<T> send(Function<RedisClusterAsyncCommands<byte[], byte[]>, CompletionStage<T>> command) {
		return send(commands(), command);
	}

	private static <T> CompletableFuture<T> send(RedisClusterAsyncCommands<byte[], byte[]> commands,
			Function<RedisClusterAsyncCommands<byte[], byte[]>, CompletionStage<T>> command) {
		try {
			return command.apply(commands).toCompletableFuture();
		}
		catch (RuntimeException ex) {
			// Lettuce may reject a command while sending it, for example when it is not
			// connected; await() translates the failure like any other.
			return CompletableFuture.failedFuture(ex);
		}
	}

	/**
	 * Waits for a command's result for at most the command timeout.
	 * @param <T> the result type
	 * @param future the pending result
	 * @return the result
	 */
	<T> T await(CompletionStage<T> future) {
		CompletableFuture<T> completable = future.toCompletableFuture();
		try {
			T result = completable.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
			markReachable();
			return result;
		}
		catch (TimeoutException ex) {
			completable.cancel(false);
			throw unavailable("Redis did not respond within %d ms (spring.data.redis.timeout)."
				.formatted(this.timeout.toMillis()), ex);
		}
		catch (ExecutionException ex) {
			throw translate(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw unavailable("The request was interrupted while waiting for Redis.", ex);
		}
	}

	private void markReachable() {
		if (!this.reachable.get() && this.reachable.compareAndSet(false, true)) {
			logger.info("Redis store is reachable again");
		}
	}

	/**
	 * Turns a failure of Redis or of the connection to it into a 503 problem, and any
	 * other failure into an unchecked exception for a 500.
	 * @param failure the failure
	 * @return the exception to throw
	 */
	RuntimeException translate(Throwable failure) {
		Throwable cause = unwrap(failure);
		if (cause instanceof StoreUnavailableException unavailable) {
			return unavailable;
		}
		if (cause instanceof RedisCommandTimeoutException || cause instanceof QueryTimeoutException) {
			return unavailable("Redis did not respond within %d ms (spring.data.redis.timeout)."
				.formatted(this.timeout.toMillis()), cause);
		}
		if (cause instanceof RedisCommandExecutionException rejected) {
			return isTransient(rejected) ? unavailable("Redis is not ready: " + rejected.getMessage(), cause)
					: new IllegalStateException("Redis rejected a command: " + rejected.getMessage(), cause);
		}
		if (cause instanceof RedisException || cause instanceof DataAccessResourceFailureException) {
			return unavailable("Redis is not reachable: " + cause.getMessage(), cause);
		}
		return (cause instanceof RuntimeException runtime) ? runtime : new IllegalStateException(cause);
	}

	private static boolean isTransient(RedisCommandExecutionException rejected) {
		String message = String.valueOf(rejected.getMessage());
		return TRANSIENT_ERRORS.stream().anyMatch(message::startsWith);
	}

	private static Throwable unwrap(Throwable failure) {
		Throwable cause = failure;
		while ((cause instanceof CompletionException || cause instanceof ExecutionException
				|| cause instanceof RedisSystemException) && cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

	private StoreUnavailableException unavailable(String reason, Throwable cause) {
		if (this.reachable.compareAndSet(true, false)) {
			logger.warn("Redis store is unavailable, responding with 503 until it returns: {}", reason);
		}
		return new StoreUnavailableException(reason + " The cache-service reconnects by itself; retry the request.",
				cause);
	}

}
