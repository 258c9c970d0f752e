package io.cachepair.cache.counter;

import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.cachepair.cache.entry.CounterUpdate;
import io.cachepair.cache.entry.EntryRequestReader;
import io.cachepair.cache.entry.EntryStore;
import io.cachepair.cache.expiry.ExpiryRequest;
import io.cachepair.cache.settings.CacheSettings;
import io.cachepair.cache.settings.CacheSettingsRegistry;
import io.cachepair.cache.web.InvalidRequestException;

/**
 * Adds to counters. A counter is an entry whose value is the decimal text of a signed
 * 64-bit integer; an absent counter starts at zero.
 */
@RestController
public class CounterController {

	private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]{1,19}");

	private final EntryStore store;

	private final CacheSettingsRegistry registry;

	private final EntryRequestReader reader;

	public CounterController(EntryStore store, CacheSettingsRegistry registry, EntryRequestReader reader) {
		this.store = store;
		this.registry = registry;
		this.reader = reader;
	}

	/**
	 * Adds {@code by} (1 when absent) to a counter. {@code ttl} and {@code idle} set the
	 * counter's expiry; without them a new counter takes the cache's defaults and an
	 * existing one keeps its expiry.
	 */
	@PostMapping("/v1/caches/{cache}/counters/{key}")
	public CounterValue increment(@PathVariable String cache, @RequestParam(required = false) @Nullable String by,
			@RequestParam(required = false) @Nullable String ttl, @RequestParam(required = false) @Nullable String idle,
			HttpServletRequest request) {
		String key = this.reader.key(request);
		if (request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
			throw new InvalidRequestException(
					"Invalid request: a counter addition takes no body; give the amount as ?by=n.");
		}
		long delta = parseDelta(by);
		CacheSettings settings = this.registry.settingsForWrite(cache);
		ExpiryRequest expiry = ExpiryRequest.resolve(ttl, idle, settings);
		CounterUpdate update = new CounterUpdate(key, delta, expiry.ttl(), expiry.idle(), ttl == null && idle == null);
		long value = this.store.increment(settings, update);
		this.registry.register(settings);
		return new CounterValue(value);
	}

	private static long parseDelta(@Nullable String by) {
		if (by == null) {
			return 1;
		}
		if (INTEGER.matcher(by).matches()) {
			try {
				return Long.parseLong(by);
			}
			catch (NumberFormatException ex) {
				// Nineteen digits can still exceed the range; the message below covers
				// it.
			}
		}
		throw new InvalidRequestException(
				"Invalid by '%s': use a whole number from %d to %d.".formatted(by, Long.MIN_VALUE, Long.MAX_VALUE));
	}

}
