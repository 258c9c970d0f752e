package io.cachepair.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that does not move until a test advances it, so expiry in the Redis store is
 * tested without sleeping. It starts at the real time, and only moves forward, so Redis's
 * own expiry of a key never comes before the deadline this clock gives it.
 */
public class TestClock extends Clock {

	private final AtomicLong millis = new AtomicLong(System.currentTimeMillis());

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

	@Override
	public Instant instant() {
		return Instant.ofEpochMilli(this.millis.get());
	}

	@Override
	public long millis() {
		return this.millis.get();
	}

	public void advance(Duration duration) {
		this.millis.addAndGet(duration.toMillis());
	}

}
