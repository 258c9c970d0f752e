package io.cachepair.cache.entry;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.cachepair.cache.expiry.ExpiryRequest;
import io.cachepair.cache.settings.CacheSettings;
import io.cachepair.cache.settings.CacheSettingsRegistry;
import io.cachepair.cache.web.InvalidRequestException;

/**
 * Reads, writes and removes single entries. Values travel as raw bytes with their own
 * content type, so responses are written directly instead of through message converters.
 */
@RestController
@RequestMapping("/v1/caches/{cache}/entries")
public class EntryController {

	private final EntryStore store;

	private final CacheSettingsRegistry registry;

	private final EntryRequestReader reader;

	public EntryController(EntryStore store, CacheSettingsRegistry registry, EntryRequestReader reader) {
		this.store = store;
		this.registry = registry;
		this.reader = reader;
	}

	/**
	 * Reads an entry. The same method handles {@code HEAD}, without the body.
	 */
	@GetMapping("/{key}")
	public void read(@PathVariable String cache, HttpServletRequest request, HttpServletResponse response,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch)
			throws IOException {
		String key = this.reader.key(request);
		EntityTagCondition notModifiedCondition = EntityTagCondition.parse(HttpHeaders.IF_NONE_MATCH, ifNoneMatch);
		this.registry.checkAccessible(cache);
		EntryView entry = this.store.read(cache, key);
		if (entry == null) {
			throw new EntryNotFoundException(cache, key);
		}
		writeFreshness(response, entry);
		if (notModifiedCondition != null && notModifiedCondition.matchesWeakly(entry.etag())) {
			response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
			return;
		}
		response.setStatus(HttpServletResponse.SC_OK);
		response.setContentType(entry.contentType());
		response.setContentLength(entry.value().length);
		response.getOutputStream().write(entry.value());
	}

	private static void writeFreshness(HttpServletResponse response, EntryView entry) {
		response.setHeader(HttpHeaders.ETAG, entry.etag().toHeaderValue());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "max-age=" + entry.timeLeft().toSeconds());
		response.setHeader(HttpHeaders.AGE, Long.toString(entry.age().toSeconds()));
	}

	/**
	 * Stores the request body as the entry's value, with the request's content type.
	 */
	@PutMapping("/{key}")
	public void write(@PathVariable String cache, @RequestParam(required = false) @Nullable String ttl,
			@RequestParam(required = false) @Nullable String idle,
			@RequestParam(name = "tag", required = false) @Nullable List<String> tags,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		String key = this.reader.key(request);
		Precondition precondition = precondition(ifMatch, ifNoneMatch);
		CacheSettings settings = this.registry.findOrCreate(cache);
		ExpiryRequest expiry = ExpiryRequest.resolve(ttl, idle, settings);
		NewEntry entry = NewEntry.of(this.reader.value(request), this.reader.contentType(request), expiry.ttl(),
				expiry.idle(), this.reader.tags(tags));
		WriteOutcome outcome = this.store.write(settings, key, entry, precondition);
		if (outcome == WriteOutcome.PRECONDITION_FAILED) {
			throw new PreconditionFailedException(cache, key);
		}
		response.setHeader(HttpHeaders.ETAG, entry.etag().toHeaderValue());
		response.setStatus(
				(outcome == WriteOutcome.CREATED) ? HttpServletResponse.SC_CREATED : HttpServletResponse.SC_NO_CONTENT);
	}

	/**
	 * Removes one entry.
	 */
	@DeleteMapping("/{key}")
	public void remove(@PathVariable String cache,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch,
			HttpServletRequest request, HttpServletResponse response) {
		String key = this.reader.key(request);
		Precondition precondition = precondition(ifMatch, ifNoneMatch);
		this.registry.checkAccessible(cache);
		RemoveOutcome outcome = this.store.remove(cache, key, precondition);
		switch (outcome) {
			case NOT_FOUND -> throw new EntryNotFoundException(cache, key);
			case PRECONDITION_FAILED -> throw new PreconditionFailedException(cache, key);
			case REMOVED -> response.setStatus(HttpServletResponse.SC_NO_CONTENT);
		}
	}

	/**
	 * Rejects a request whose key segment is empty, which would otherwise not be found.
	 */
	@RequestMapping("/")
	public void rejectEmptyKey() {
		throw new InvalidRequestException("Invalid key: it must not be empty.");
	}

	private static Precondition precondition(@Nullable String ifMatch, @Nullable String ifNoneMatch) {
		return new Precondition(EntityTagCondition.parse(HttpHeaders.IF_MATCH, ifMatch),
				EntityTagCondition.parse(HttpHeaders.IF_NONE_MATCH, ifNoneMatch));
	}

}
