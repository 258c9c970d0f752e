package io.cachepair.cache.stats;

import java.util.concurrent.atomic.LongAdder;

/**
 * Running counts of the requests one cache has served, whatever store keeps its entries.
 */
public final class CacheActivity {

	final LongAdder hits = new LongAdder();

	final LongAdder misses = new LongAdder();

	final LongAdder puts = new LongAdder();

	final LongAdder removals = new LongAdder();

	public long hits() {
		return this.hits.sum();
	}

	public long misses() {
		return this.misses.sum();
	}

	public long puts() {
		return this.puts.sum();
	}

	public long removals() {
		return this.removals.sum();
	}

	/**
	 * Returns the share of reads that were hits.
	 * @return a ratio from 0 to 1, or 0 before the first read
	 */
	public double hitRatio() {
		long hitCount = hits();
		long reads = hitCount + misses();
		return (reads > 0) ? (double) hitCount / reads : 0;
	}

}
