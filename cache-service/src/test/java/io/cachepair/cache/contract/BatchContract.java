package io.cachepair.cache.contract;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static io.cachepair.cache.contract.CacheHttpClient.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The semantics of batch reads and writes.
 */
interface BatchContract extends ContractSupport {

	JsonMapper JSON = JsonMapper.builder().build();

	private JsonNode json(HttpResponse<byte[]> response) {
		return JSON.readTree(response.body());
	}

	@Test
	default void batchGetAnswersEveryKeyInRequestOrder() {
		List<String> keys = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			String key = "key/" + (99 - i);
			keys.add(key);
			if (i % 3 != 0) {
				client().put(entryPath(key), "value " + key, "Content-Type", "text/plain");
			}
		}

		HttpResponse<byte[]> response = postJson(cachePath("/batch/get"),
				JSON.writeValueAsString(Map.of("keys", keys)));

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode entries = json(response).get("entries");
		assertThat(entries.size()).isEqualTo(100);
		for (int i = 0; i < 100; i++) {
			JsonNode item = entries.get(i);
			assertThat(item.get("key").asString()).isEqualTo(keys.get(i));
			assertThat(item.get("found").asBoolean()).isEqualTo(i % 3 != 0);
			if (i % 3 != 0) {
				assertThat(Base64.getDecoder().decode(item.get("base64").asString())).asString()
					.isEqualTo("value " + keys.get(i));
			}
		}
	}

	@Test
	default void batchGetEmbedsJsonAndDescribesEntries() {
		client().put(entryPath("doc") + "?ttl=120", "{\"a\": [1, 2]}", "Content-Type", "application/json");
		client().put(entryPath("broken"), "{not json", "Content-Type", "application/json");
		String etag = client().get(entryPath("doc")).headers().firstValue("ETag").orElseThrow();

		JsonNode entries = json(postJson(cachePath("/batch/get"), "{\"keys\": [\"doc\", \"broken\", \"none\"]}"))
			.get("entries");

		JsonNode doc = entries.get(0);
		assertThat(doc.get("json").get("a").get(1).asInt()).isEqualTo(2);
		assertThat(doc.has("base64")).isFalse();
		assertThat(doc.get("contentType").asString()).isEqualTo("application/json");
		assertThat(doc.get("etag").asString()).isEqualTo(etag);
		assertThat(doc.get("timeLeftSeconds").asLong()).isBetween(119L, 120L);
		assertThat(Base64.getDecoder().decode(entries.get(1).get("base64").asString())).asString()
			.isEqualTo("{not json");
		assertThat(entries.get(2).get("found").asBoolean()).isFalse();
		assertThat(entries.get(2).has("etag")).isFalse();
	}

	@Test
	default void batchPutStoresEveryEntryWithItsOwnSettings() {
		HttpResponse<byte[]> response = postJson(cachePath("/batch/put"), """
				{"entries": [
				  {"key": "a", "json": {"x": 1}, "ttl": "60", "tags": ["t"]},
				  {"key": "b", "text": "hello", "idle": "30s"},
				  {"key": "c", "base64": "AAEC", "contentType": "image/png"}
				]}""");

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode written = json(response).get("entries");
		assertThat(written.get(0).get("created").asBoolean()).isTrue();
		HttpResponse<byte[]> a = client().get(entryPath("a"));
		assertThat(text(a)).isEqualTo("{\"x\":1}");
		assertThat(a.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(a.headers().firstValue("Cache-Control")).hasValue("max-age=60");
		assertThat(a.headers().firstValue("ETag")).hasValue(written.get(0).get("etag").asString());
		assertThat(text(client().get(entryPath("b")))).isEqualTo("hello");
		assertThat(client().get(entryPath("b")).headers().firstValue("Cache-Control")).hasValue("max-age=30");
		assertThat(client().get(entryPath("c")).body()).containsExactly(0, 1, 2);
		assertThat(client().get(entryPath("c")).headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(text(client().delete(cachePath("/tags/t")))).isEqualTo("{\"removed\":1}");
	}

	@Test
	default void batchPutWithOneInvalidEntryStoresNothing() {
		client().put(entryPath("a"), "original");

		HttpResponse<byte[]> rejected = postJson(cachePath("/batch/put"), """
				{"entries": [
				  {"key": "a", "text": "replacement"},
				  {"key": "b", "text": "new"},
				  {"key": "c", "text": "bad", "ttl": "0"}
				]}""");

		assertThat(rejected.statusCode()).isEqualTo(400);
		assertThat(text(rejected)).contains("ttl '0'");
		assertThat(text(client().get(entryPath("a")))).isEqualTo("original");
		assertThat(client().get(entryPath("b")).statusCode()).isEqualTo(404);
	}

	@Test
	default void batchPutNamesTheInvalidItem() {
		HttpResponse<byte[]> noValue = postJson(cachePath("/batch/put"), "{\"entries\": [{\"key\": \"a\"}]}");
		HttpResponse<byte[]> twoValues = postJson(cachePath("/batch/put"),
				"{\"entries\": [{\"key\": \"a\", \"text\": \"x\"}, {\"key\": \"b\", \"text\": \"x\", \"base64\": \"AA==\"}]}");
		HttpResponse<byte[]> emptyKey = postJson(cachePath("/batch/put"),
				"{\"entries\": [{\"key\": \"\", \"text\": \"x\"}]}");
		HttpResponse<byte[]> badBase64 = postJson(cachePath("/batch/put"),
				"{\"entries\": [{\"key\": \"a\", \"base64\": \"***\"}]}");

		assertThat(text(noValue)).contains("entries[0]").contains("exactly one of");
		assertThat(text(twoValues)).contains("entries[1]");
		assertThat(text(emptyKey)).contains("entries[0].key");
		assertThat(text(badBase64)).contains("entries[0].base64");
	}

	@Test
	default void batchRejectsMalformedAndUnknownJson() {
		HttpResponse<byte[]> malformed = postJson(cachePath("/batch/get"), "{\"keys\": [\"a\"");
		HttpResponse<byte[]> unknown = postJson(cachePath("/batch/get"), "{\"keys\": [\"a\"], \"extra\": 1}");
		HttpResponse<byte[]> empty = postJson(cachePath("/batch/get"), "{\"keys\": []}");
		HttpResponse<byte[]> wrongType = postJson(cachePath("/batch/get"), "{\"keys\": \"a\"}");

		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(text(malformed)).contains("Invalid JSON body");
		assertThat(unknown.statusCode()).isEqualTo(400);
		assertThat(text(unknown)).contains("extra");
		assertThat(empty.statusCode()).isEqualTo(400);
		assertThat(text(empty)).contains("non-empty array");
		assertThat(wrongType.statusCode()).isEqualTo(400);
	}

	@Test
	default void batchWithoutJsonContentTypeIsUnsupported() {
		byte[] body = "{\"entries\": [{\"key\": \"a\", \"text\": \"x\"}]}".getBytes(StandardCharsets.UTF_8);

		HttpResponse<byte[]> plainText = client().send("POST", cachePath("/batch/put"), body, "Content-Type",
				"text/plain");
		HttpResponse<byte[]> missing = client().send("POST", cachePath("/batch/put"), body);

		assertThat(plainText.statusCode()).isEqualTo(415);
		assertThat(text(plainText)).contains("send the body as application/json");
		assertThat(missing.statusCode()).isEqualTo(415);
		assertThat(text(missing)).contains("Missing Content-Type");
		assertThat(client().get(entryPath("a")).statusCode()).isEqualTo(404);
	}

	@Test
	default void batchNamesTheExpectedShapeOfAWrongValue() {
		HttpResponse<byte[]> numberKey = postJson(cachePath("/batch/get"), "{\"keys\": [\"a\", 1]}");

		assertThat(numberKey.statusCode()).isEqualTo(400);
		assertThat(text(numberKey)).contains("at 'keys[1]': expected a string");
	}

	@Test
	default void batchRejectsTagsNoPathCanRemove() {
		HttpResponse<byte[]> nul = postJson(cachePath("/batch/put"),
				"{\"entries\": [{\"key\": \"a\", \"text\": \"x\", \"tags\": [\"\\u0000\"]}]}");
		HttpResponse<byte[]> surrogate = postJson(cachePath("/batch/put"),
				"{\"entries\": [{\"key\": \"a\", \"text\": \"x\", \"tags\": [\"\\ud800\"]}]}");

		assertThat(nul.statusCode()).isEqualTo(400);
		assertThat(text(nul)).contains("U+0000");
		assertThat(surrogate.statusCode()).isEqualTo(400);
		assertThat(text(surrogate)).contains("unpaired surrogate");
		assertThat(client().get(entryPath("a")).statusCode()).isEqualTo(404);
	}

	@Test
	default void batchRejectsDuplicateField() {
		HttpResponse<byte[]> duplicate = postJson(cachePath("/batch/get"), "{\"keys\": [\"a\"], \"keys\": [\"b\"]}");

		assertThat(duplicate.statusCode()).isEqualTo(400);
		assertThat(text(duplicate)).contains("keys");
	}

	@Test
	default void batchOverSizeLimitIsRejected() {
		List<String> keys = new ArrayList<>();
		for (int i = 0; i < 1001; i++) {
			keys.add("k" + i);
		}

		HttpResponse<byte[]> rejected = postJson(cachePath("/batch/get"),
				JSON.writeValueAsString(Map.of("keys", keys)));

		assertThat(rejected.statusCode()).isEqualTo(400);
		assertThat(text(rejected)).contains("1001 items").contains("max-batch-size");
	}

	@Test
	default void batchPutValueOverSizeLimitIsRejected() {
		String big = Base64.getEncoder().encodeToString(new byte[1024 * 1024 + 1]);

		HttpResponse<byte[]> rejected = postJson(cachePath("/batch/put"),
				"{\"entries\": [{\"key\": \"a\", \"base64\": \"" + big + "\"}]}");

		assertThat(rejected.statusCode()).isEqualTo(413);
		assertThat(text(rejected)).contains("entries[0]");
		assertThat(client().get(entryPath("a")).statusCode()).isEqualTo(404);
	}

}
