package io.cachepair.cache.entry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

import io.cachepair.cache.expiry.ExpiryRequest;
import io.cachepair.cache.settings.CacheSettings;
import io.cachepair.cache.settings.CacheSettingsRegistry;
import io.cachepair.cache.web.InvalidRequestException;
import io.cachepair.cache.web.ProblemException;
import io.cachepair.cache.web.QueryParameters;

/**
 * Reads, writes and removes single entries. Values travel as raw bytes with their own
 * content type, so responses are written directly to the servlet response.
 */
@Component
class EntryHandler {

	private static final Set<String> WRITE_PARAMETERS = Set.of("ttl", "idle", "tag");

	private static final Set<String> SINGLE_WRITE_PARAMETERS = Set.of("ttl", "idle");

	private final EntryStore store;

	private final CacheSettingsRegistry registry;

	private final EntryRequestReader reader;

	EntryHandler(EntryStore store, CacheSettingsRegistry registry, EntryRequestReader reader) {
		this.store = store;
		this.registry = registry;
		this.reader = reader;
	}

	/**
	 * Serves one entry request.
	 * @param path the cache and key segment of the request path
	 * @param request the request
	 * @param response the response
	 * @throws IOException if reading the body or writing the response fails
	 */
	void handle(EntryPath path, HttpServletRequest request, HttpServletResponse response) throws IOException {
		switch (request.getMethod()) {
			case "GET" -> read(path, request, response, true);
			case "HEAD" -> read(path, request, response, false);
			case "PUT" -> write(path, request, response);
			case "DELETE" -> remove(path, request, response);
			default -> {
				response.setHeader(HttpHeaders.ALLOW, "GET, HEAD, PUT, DELETE");
				throw new ProblemException(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed",
						"An entry supports GET, HEAD, PUT and DELETE, not %s.".formatted(request.getMethod()));
			}
		}
	}

	private void read(EntryPath path, HttpServletRequest request, HttpServletResponse response, boolean withBody)
			throws IOException {
		String cache = cacheName(path);
		String key = this.reader.key(path.rawKey());
		EntityTagCondition notModified = EntityTagCondition.parse(HttpHeaders.IF_NONE_MATCH,
				request.getHeader(HttpHeaders.IF_NONE_MATCH));
		this.registry.checkAccessible(cache);
		EntryView entry = this.store.read(cache, key);
		if (entry == null) {
			throw new EntryNotFoundException(cache, key);
		}
		response.setHeader(HttpHeaders.ETAG, entry.etag().toHeaderValue());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "max-age=" + entry.timeLeft().toSeconds());
		response.setHeader(HttpHeaders.AGE, Long.toString(entry.age().toSeconds()));
		if (notModified != null && notModified.matchesWeakly(entry.etag())) {
			response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
			return;
		}
		response.setStatus(HttpServletResponse.SC_OK);
		response.setContentType(entry.contentType());
		response.setContentLength(entry.value().length);
		if (withBody) {
			response.getOutputStream().write(entry.value());
		}
	}

	private void write(EntryPath path, HttpServletRequest request, HttpServletResponse response) throws IOException {
		String cache = cacheName(path);
		String key = this.reader.key(path.rawKey());
		Precondition precondition = precondition(request);
		QueryParameters parameters = QueryParameters.parse(request.getQueryString());
		parameters.requireOnly(WRITE_PARAMETERS, "PUT of an entry");
		parameters.requireSingle(SINGLE_WRITE_PARAMETERS);
		CacheSettings settings = this.registry.settingsForWrite(cache);
		ExpiryRequest expiry = ExpiryRequest.resolve(parameters.first("ttl"), parameters.first("idle"), settings);
		Set<String> tags = this.reader.tags(parameters.all("tag"));
		String contentType = this.reader.contentType(request);
		NewEntry entry = NewEntry.of(this.reader.value(request), contentType, expiry.ttl(), expiry.idle(), tags);
		WriteOutcome outcome = this.store.write(settings, key, entry, precondition);
		if (outcome == WriteOutcome.PRECONDITION_FAILED) {
			throw new PreconditionFailedException(cache, key);
		}
		this.registry.register(settings);
		response.setHeader(HttpHeaders.ETAG, entry.etag().toHeaderValue());
		response.setStatus(
				(outcome == WriteOutcome.CREATED) ? HttpServletResponse.SC_CREATED : HttpServletResponse.SC_NO_CONTENT);
	}

	private void remove(EntryPath path, HttpServletRequest request, HttpServletResponse response) {
		String cache = cacheName(path);
		String key = this.reader.key(path.rawKey());
		Precondition precondition = precondition(request);
		QueryParameters.parse(request.getQueryString()).requireOnly(Set.of(), "DELETE of an entry");
		this.registry.checkAccessible(cache);
		switch (this.store.remove(cache, key, precondition)) {
			case NOT_FOUND -> throw new EntryNotFoundException(cache, key);
			case PRECONDITION_FAILED -> throw new PreconditionFailedException(cache, key);
			case REMOVED -> response.setStatus(HttpServletResponse.SC_NO_CONTENT);
		}
	}

	private static String cacheName(EntryPath path) {
		if (path.cache().indexOf('%') < 0) {
			return path.cache();
		}
		try {
			return UriUtils.decode(path.cache(), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidRequestException(
					"Invalid cache name '%s': it is not valid percent-encoding.".formatted(path.cache()));
		}
	}

	private static Precondition precondition(HttpServletRequest request) {
		@Nullable String ifMatch = request.getHeader(HttpHeaders.IF_MATCH);
		@Nullable String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
		if (ifMatch == null && ifNoneMatch == null) {
			return Precondition.NONE;
		}
		return new Precondition(EntityTagCondition.parse(HttpHeaders.IF_MATCH, ifMatch),
				EntityTagCondition.parse(HttpHeaders.IF_NONE_MATCH, ifNoneMatch));
	}

}
