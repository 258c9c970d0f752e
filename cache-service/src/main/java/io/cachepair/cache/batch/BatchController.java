package io.cachepair.cache.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.cachepair.cache.entry.EntryRequestReader;
import io.cachepair.cache.entry.EntryStore;
import io.cachepair.cache.entry.EntryView;
import io.cachepair.cache.entry.KeyedEntry;
import io.cachepair.cache.entry.WriteOutcome;
import io.cachepair.cache.settings.CacheSettings;
import io.cachepair.cache.settings.CacheSettingsRegistry;
import io.cachepair.cache.web.InvalidRequestException;
import io.cachepair.cache.web.JsonProblems;

/**
 * Reads or writes many entries of one cache in a single call.
 */
@RestController
@RequestMapping("/v1/caches/{cache}/batch")
public class BatchController {

	private final EntryStore store;

	private final CacheSettingsRegistry registry;

	private final EntryRequestReader requestReader;

	private final BatchEntryReader entryReader;

	private final JsonMapper mapper;

	BatchController(EntryStore store, CacheSettingsRegistry registry, EntryRequestReader requestReader,
			BatchEntryReader entryReader, JsonMapper mapper) {
		this.store = store;
		this.registry = registry;
		this.requestReader = requestReader;
		this.entryReader = entryReader;
		this.mapper = mapper;
	}

	/**
	 * Reads every key in {@code keys}, returning them in request order.
	 */
	@PostMapping(path = "/get", consumes = MediaType.APPLICATION_JSON_VALUE)
	public BatchGetResult get(@PathVariable String cache, HttpServletRequest request) throws IOException {
		BatchGetRequest body = parse(request, BatchGetRequest.class);
		List<String> keys = this.entryReader.keys(body.keys());
		this.registry.checkAccessible(cache);
		List<@Nullable EntryView> views = this.store.readAll(cache, keys);
		List<BatchGetItem> items = new ArrayList<>(keys.size());
		for (int i = 0; i < keys.size(); i++) {
			EntryView view = views.get(i);
			items.add((view != null) ? found(keys.get(i), view) : BatchGetItem.missing(keys.get(i)));
		}
		return new BatchGetResult(items);
	}

	private BatchGetItem found(String key, EntryView view) {
		boolean embedJson = isJson(view.contentType()) && isOneJsonValue(view.value());
		return new BatchGetItem(key, true, view.contentType(), view.etag().toHeaderValue(), view.timeLeft().toSeconds(),
				embedJson ? new String(view.value(), StandardCharsets.UTF_8) : null, embedJson ? null : view.value());
	}

	private static boolean isJson(String contentType) {
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			return type.isCompatibleWith(MediaType.APPLICATION_JSON) || type.getSubtype().endsWith("+json");
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	// A value stored as JSON is embedded only when it really is one JSON value, so that a
	// malformed value cannot corrupt the response. Any other value is sent as base64.
	private boolean isOneJsonValue(byte[] value) {
		try (JsonParser parser = this.mapper.createParser(value)) {
			if (parser.nextToken() == null) {
				return false;
			}
			parser.skipChildren();
			return parser.nextToken() == null;
		}
		catch (JacksonException ex) {
			return false;
		}
	}

	/**
	 * Writes every entry in {@code entries} after checking them all, so a rejected batch
	 * stores nothing.
	 */
	@PostMapping(path = "/put", consumes = MediaType.APPLICATION_JSON_VALUE)
	public BatchPutResult put(@PathVariable String cache, HttpServletRequest request) throws IOException {
		BatchPutRequest body = parse(request, BatchPutRequest.class);
		CacheSettings settings = this.registry.settingsForWrite(cache);
		List<KeyedEntry> entries = this.entryReader.entries(body.entries(), settings);
		List<WriteOutcome> outcomes = this.store.writeAll(settings, entries);
		this.registry.register(settings);
		List<BatchPutResult.Written> written = new ArrayList<>(entries.size());
		for (int i = 0; i < entries.size(); i++) {
			KeyedEntry entry = entries.get(i);
			written.add(new BatchPutResult.Written(entry.key(), entry.entry().etag().toHeaderValue(),
					outcomes.get(i) == WriteOutcome.CREATED));
		}
		return new BatchPutResult(written);
	}

	private <T> T parse(HttpServletRequest request, Class<T> type) throws IOException {
		byte[] body = this.requestReader.batchBody(request);
		try {
			T value = this.mapper.readValue(body, type);
			if (value == null) {
				throw new InvalidRequestException("Invalid body: it must be a JSON object, not null or empty.");
			}
			return value;
		}
		catch (JacksonException ex) {
			throw JsonProblems.invalidBody(ex);
		}
	}

}
