package io.cachepair.cache.store;

import java.util.concurrent.atomic.LongAdder;

/**
 * Running counts of what happened in one cache of the memory store.
 */
final class MemoryCacheCounters {

	final LongAdder hits = new LongAdder();

	final LongAdder misses = new LongAdder();

	final LongAdder puts = new LongAdder();

	final LongAdder removals = new LongAdder();

	final LongAdder evictions = new LongAdder();

	final LongAdder expirations = new LongAdder();

}
