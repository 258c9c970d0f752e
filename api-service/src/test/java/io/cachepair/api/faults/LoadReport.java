package io.cachepair.api.faults;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.cachepair.api.testing.SteadyLoad;
import io.cachepair.api.testing.SteadyLoad.Sample;

/**
 * The samples of a load run from the start of a fault on, summed up for assertions and
 * for the test output.
 *
 * @param fault what was broken, such as {@code cache-service killed}
 * @param samples the samples that started at or after the fault
 */
record LoadReport(String fault, List<Sample> samples) {

	/**
	 * Keeps the samples that started at or after the fault.
	 */
	static LoadReport since(String fault, Collection<Sample> samples, Duration faultStart) {
		return new LoadReport(fault,
				samples.stream().filter((sample) -> sample.startNanos() >= faultStart.toNanos()).toList());
	}

	Duration percentile(double percentile) {
		return SteadyLoad.percentile(this.samples, percentile);
	}

	/**
	 * Returns the samples whose status is not among the given ones, failures without a
	 * response included.
	 */
	List<Sample> withStatusOtherThan(Integer... statuses) {
		List<Integer> expected = List.of(statuses);
		return this.samples.stream().filter((sample) -> !expected.contains(sample.status())).toList();
	}

	long countCacheStatus(String cacheStatus) {
		return this.samples.stream().filter((sample) -> cacheStatus.equals(sample.cacheStatus())).count();
	}

	long countStatus(int status) {
		return this.samples.stream().filter((sample) -> sample.status() == status).count();
	}

	/**
	 * Describes the run in one line, such as {@code cache-service killed: 5234 requests,
	 * statuses {200=5234}, X-Cache {BYPASS=1203, HIT=3900, MISS=131}, p50 3 ms, p99 41
	 * ms, max 512 ms}.
	 */
	String summary() {
		return "%s: %d requests, statuses %s, X-Cache %s, p50 %d ms, p99 %d ms, max %d ms".formatted(this.fault,
				this.samples.size(), counts(Sample::status), counts(Sample::cacheStatus), percentile(50).toMillis(),
				percentile(99).toMillis(), percentile(100).toMillis());
	}

	private <T> Map<T, Long> counts(Function<Sample, T> key) {
		return this.samples.stream()
			.filter((sample) -> key.apply(sample) != null)
			.collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
	}

	/**
	 * Describes up to five samples for a failure message.
	 */
	static String describe(List<Sample> samples) {
		return samples.stream()
			.limit(5)
			.map((sample) -> "%s at %d ms: status %d after %d ms, %s".formatted(sample.path(),
					sample.start().toMillis(), sample.status(), sample.latency().toMillis(),
					Objects.requireNonNullElse(sample.failure(), "")))
			.collect(Collectors.joining("; ", samples.size() + " such requests, such as: ", ""));
	}

}
