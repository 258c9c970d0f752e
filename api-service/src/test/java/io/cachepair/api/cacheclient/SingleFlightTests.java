package io.cachepair.api.cacheclient;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.cachepair.api.testing.Waiting;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SingleFlightTests {

	private final SingleFlight<String, String> flights = new SingleFlight<>();

	@Test
	void concurrentCallersShareOneComputation() throws Exception {
		AtomicInteger computations = new AtomicInteger();
		CountDownLatch release = new CountDownLatch(1);
		List<Thread> followers = new CopyOnWriteArrayList<>();
		try (ExecutorService executor = Executors.newCachedThreadPool()) {
			Future<String> leader = executor.submit(() -> this.flights.run("key", () -> {
				computations.incrementAndGet();
				await(release);
				return "value";
			}));
			awaitInFlight();
			List<Future<String>> results = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				results.add(executor.submit(() -> {
					followers.add(Thread.currentThread());
					return this.flights.run("key", () -> "computed again " + computations.incrementAndGet());
				}));
			}
			awaitFollowers(followers, 8);
			release.countDown();

			assertThat(leader.get(10, TimeUnit.SECONDS)).isEqualTo("value");
			for (Future<String> result : results) {
				assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo("value");
			}
		}
		assertThat(computations).hasValue(1);
		assertThat(this.flights.inFlightCount()).isZero();
	}

	@Test
	void waitingCallersGetTheSameException() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		IllegalStateException failure = new IllegalStateException("load failed");
		List<Thread> followers = new CopyOnWriteArrayList<>();
		try (ExecutorService executor = Executors.newCachedThreadPool()) {
			Future<String> leader = executor.submit(() -> this.flights.run("key", () -> {
				await(release);
				throw failure;
			}));
			awaitInFlight();
			Future<String> follower = executor.submit(() -> {
				followers.add(Thread.currentThread());
				return this.flights.run("key", () -> "unexpected");
			});
			awaitFollowers(followers, 1);
			release.countDown();

			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> leader.get(10, TimeUnit.SECONDS))
				.withCause(failure);
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> follower.get(10, TimeUnit.SECONDS))
				.withCause(failure);
		}
	}

	@Test
	void callAfterCompletionComputesAgain() {
		AtomicInteger computations = new AtomicInteger();

		this.flights.run("key", () -> "first " + computations.incrementAndGet());
		String second = this.flights.run("key", () -> "second " + computations.incrementAndGet());

		assertThat(second).isEqualTo("second 2");
		assertThat(this.flights.inFlightCount()).isZero();
	}

	@Test
	void differentKeysComputeSeparately() {
		String first = this.flights.run("first", () -> "one");
		String second = this.flights.run("second", () -> "two");

		assertThat(first).isEqualTo("one");
		assertThat(second).isEqualTo("two");
	}

	private void awaitInFlight() {
		Waiting.awaitTrue(() -> this.flights.inFlightCount() == 1, "the first computation to start");
	}

	private static void awaitFollowers(List<Thread> followers, int count) {
		Waiting.awaitTrue(() -> followers.size() == count, "every follower to start");
		Threads.awaitWaiting(List.copyOf(followers));
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
