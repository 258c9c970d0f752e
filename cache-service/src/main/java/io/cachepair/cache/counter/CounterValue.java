package io.cachepair.cache.counter;

/**
 * The response to an addition to a counter.
 *
 * @param value the counter's value after the addition
 */
public record CounterValue(long value) {
}
