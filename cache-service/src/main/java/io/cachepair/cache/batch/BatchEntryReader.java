package io.cachepair.cache.batch;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

import io.cachepair.cache.entry.EntryRequestReader;
import io.cachepair.cache.entry.KeyedEntry;
import io.cachepair.cache.entry.NewEntry;
import io.cachepair.cache.expiry.ExpiryRequest;
import io.cachepair.cache.settings.CacheSettings;
import io.cachepair.cache.web.InvalidRequestException;

/**
 * Turns the items of a batch write into entries, checking every item against the same
 * rules and limits as a single write before any is stored. Errors name the item by its
 * index, such as {@code entries[3].ttl}.
 */
@Component
class BatchEntryReader {

	private final EntryRequestReader reader;

	private final JsonMapper mapper;

	BatchEntryReader(EntryRequestReader reader, JsonMapper mapper) {
		this.reader = reader;
		this.mapper = mapper;
	}

	List<String> keys(@Nullable List<@Nullable String> keys) {
		List<@Nullable String> requested = requireBatch("keys", keys);
		List<String> checked = new ArrayList<>(requested.size());
		for (int i = 0; i < requested.size(); i++) {
			String key = requested.get(i);
			this.reader.checkKey("keys[" + i + "]", key);
			checked.add(key);
		}
		return checked;
	}

	List<KeyedEntry> entries(@Nullable List<@Nullable BatchPutItem> items, CacheSettings settings) {
		List<@Nullable BatchPutItem> requested = requireBatch("entries", items);
		List<KeyedEntry> entries = new ArrayList<>(requested.size());
		for (int i = 0; i < requested.size(); i++) {
			BatchPutItem item = requested.get(i);
			String field = "entries[" + i + "]";
			if (item == null) {
				throw new InvalidRequestException("Invalid %s: it must be an object, not null.".formatted(field));
			}
			entries.add(entry(field, item, settings));
		}
		return entries;
	}

	private <T> List<T> requireBatch(String field, @Nullable List<T> items) {
		if (items == null || items.isEmpty()) {
			throw new InvalidRequestException("Invalid body: '%s' must be a non-empty array.".formatted(field));
		}
		int limit = this.reader.limits().maxBatchSize();
		if (items.size() > limit) {
			throw new InvalidRequestException(
					"Invalid body: '%s' has %d items, over the batch size limit of %d (cache-service.limits.max-batch-size)."
						.formatted(field, items.size(), limit));
		}
		return items;
	}

	private KeyedEntry entry(String field, BatchPutItem item, CacheSettings settings) {
		this.reader.checkKey(field + ".key", item.key());
		byte[] value = value(field, item);
		this.reader.checkValueSize(field, value);
		ExpiryRequest expiry = ExpiryRequest.resolve(item.ttl(), item.idle(), settings);
		String contentType = (item.contentType() != null)
				? this.reader.checkContentType(field + ".contentType", item.contentType()) : defaultContentType(item);
		List<String> tags = (item.tags() != null) ? checkTags(field, item.tags()) : null;
		NewEntry entry = NewEntry.of(value, contentType, expiry.ttl(), expiry.idle(), this.reader.tags(tags));
		return new KeyedEntry(item.key(), entry);
	}

	private byte[] value(String field, BatchPutItem item) {
		int valueFields = ((item.json() != null) ? 1 : 0) + ((item.text() != null) ? 1 : 0)
				+ ((item.base64() != null) ? 1 : 0);
		if (valueFields != 1) {
			throw new InvalidRequestException(
					"Invalid %s: give the value in exactly one of 'json', 'text' or 'base64'.".formatted(field));
		}
		if (item.json() != null) {
			return this.mapper.writeValueAsBytes(item.json());
		}
		if (item.text() != null) {
			return item.text().getBytes(StandardCharsets.UTF_8);
		}
		try {
			return Base64.getDecoder().decode(item.base64());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidRequestException(
					"Invalid %s.base64: it is not valid base64 (RFC 4648, standard alphabet).".formatted(field));
		}
	}

	private static String defaultContentType(BatchPutItem item) {
		if (item.json() != null) {
			return "application/json";
		}
		return (item.text() != null) ? "text/plain;charset=UTF-8" : "application/octet-stream";
	}

	private static List<String> checkTags(String field, List<@Nullable String> tags) {
		List<String> checked = new ArrayList<>(tags.size());
		for (int i = 0; i < tags.size(); i++) {
			String tag = tags.get(i);
			if (tag == null) {
				throw new InvalidRequestException("Invalid %s.tags[%d]: a tag must be a string.".formatted(field, i));
			}
			checked.add(tag);
		}
		return checked;
	}

}
