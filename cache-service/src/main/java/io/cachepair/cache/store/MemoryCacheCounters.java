package io.cachepair.cache.store;

import java.util.concurrent.atomic.LongAdder;

/**
 * Running counts of the entries one cache of the memory store lost without being asked.
 */
final class MemoryCacheCounters {

	final LongAdder evictions = new LongAdder();

	final LongAdder expirations = new LongAdder();

}
