package io.cachepair.cache.contract;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.cachepair.cache.contract.CacheHttpClient.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The semantics of the entry API that every store must give. A store's test class extends
 * this one, starts the service on that store, and supplies the way to move time forward.
 * Each test uses a cache of its own, so tests never see each other's entries.
 */
public abstract class EntryContractTests implements CounterContract, BatchContract, CacheAdminContract {

	/** A cache declared by subclasses with a maximum TTL of one hour. */
	protected static final String SHORT_CACHE = "short";

	protected String cache;

	@Override
	public abstract CacheHttpClient client();

	@Override
	public abstract void advanceTime(Duration duration);

	@Override
	public String cacheName() {
		return this.cache;
	}

	@BeforeEach
	void useFreshCache() {
		this.cache = "c-" + UUID.randomUUID().toString().substring(0, 8);
	}

	private String path(String key) {
		return entryPath(key);
	}

	@Test
	void putThenGetReturnsSameBytesAndContentType() {
		HttpResponse<byte[]> put = client().put(path("k"), "{\"a\":1}", "Content-Type", "application/json");
		HttpResponse<byte[]> get = client().get(path("k"));

		assertThat(put.statusCode()).isEqualTo(201);
		assertThat(get.statusCode()).isEqualTo(200);
		assertThat(text(get)).isEqualTo("{\"a\":1}");
		assertThat(get.headers().firstValue("Content-Type")).hasValue("application/json");
	}

	@Test
	void putOverExistingEntryReturnsNoContent() {
		client().put(path("k"), "one");
		HttpResponse<byte[]> second = client().put(path("k"), "two");

		assertThat(second.statusCode()).isEqualTo(204);
		assertThat(text(client().get(path("k")))).isEqualTo("two");
	}

	@Test
	void emptyValueRoundTrips() {
		client().put(path("empty"), "", "Content-Type", "text/plain");
		HttpResponse<byte[]> get = client().get(path("empty"));

		assertThat(get.statusCode()).isEqualTo(200);
		assertThat(get.body()).isEmpty();
		assertThat(get.headers().firstValue("Content-Type")).hasValue("text/plain");
	}

	@Test
	void binaryValueRoundTripsWithoutContentType() {
		byte[] value = { 0, -1, 10, 13, 127, -128 };
		client().send("PUT", path("bin"), value);
		HttpResponse<byte[]> get = client().get(path("bin"));

		assertThat(get.body()).containsExactly(value);
		assertThat(get.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
	}

	@Test
	void headReturnsHeadersWithoutBody() {
		client().put(path("k"), "hello", "Content-Type", "text/plain");
		HttpResponse<byte[]> head = client().send("HEAD", path("k"), new byte[0]);

		assertThat(head.statusCode()).isEqualTo(200);
		assertThat(head.body()).isEmpty();
		assertThat(head.headers().firstValue("ETag")).isPresent();
		assertThat(head.headers().firstValue("Content-Length")).hasValue("5");
	}

	@Test
	void getAbsentEntryReturnsNotFoundProblem() {
		HttpResponse<byte[]> get = client().get(path("missing"));

		assertThat(get.statusCode()).isEqualTo(404);
		assertThat(get.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(text(get)).contains("\"title\":\"Entry not found\"").contains("'missing'");
	}

	@ParameterizedTest
	@ValueSource(strings = { "a/b", "100%", "a+b", "with space", "dots.in.key", ".", "..", "a;b", "back\\slash",
			"\u0416\u0443\u043a", "\u65e5\u672c\u8a9e", "emoji\ud83d\ude00", "?query#hash", "&=" })
	void keysRoundTripExactly(String key) {
		HttpResponse<byte[]> put = client().put(path(key), "value of " + key);
		HttpResponse<byte[]> get = client().get(path(key));

		assertThat(put.statusCode()).isEqualTo(201);
		assertThat(text(get)).isEqualTo("value of " + key);
	}

	@Test
	void keysDifferingOnlyInEncodedCharactersAreDistinct() {
		client().put(path("a/b"), "slash");
		client().put(path("a+b"), "plus");
		client().put(path("a b"), "space");

		assertThat(text(client().get(path("a/b")))).isEqualTo("slash");
		assertThat(text(client().get(path("a+b")))).isEqualTo("plus");
		assertThat(text(client().get(path("a b")))).isEqualTo("space");
	}

	@Test
	void keyAtLimitIsAcceptedAndLongerIsRejected() {
		String atLimit = "k".repeat(1024);
		String overLimit = "k".repeat(1025);

		assertThat(client().put(path(atLimit), "v").statusCode()).isEqualTo(201);
		HttpResponse<byte[]> rejected = client().put(path(overLimit), "v");
		assertThat(rejected.statusCode()).isEqualTo(400);
		assertThat(text(rejected)).contains("1025 bytes").contains("1024");
		assertThat(client().get(path(overLimit)).statusCode()).isEqualTo(400);
	}

	@Test
	void entryExpiresWhenTtlEnds() {
		client().put(path("k") + "?ttl=60", "v");

		advanceTime(Duration.ofSeconds(59));
		HttpResponse<byte[]> beforeEnd = client().get(path("k"));
		advanceTime(Duration.ofSeconds(2));
		HttpResponse<byte[]> afterEnd = client().get(path("k"));

		assertThat(beforeEnd.statusCode()).isEqualTo(200);
		assertThat(beforeEnd.headers().firstValue("Cache-Control")).hasValue("max-age=1");
		assertThat(beforeEnd.headers().firstValue("Age")).hasValue("59");
		assertThat(afterEnd.statusCode()).isEqualTo(404);
	}

	@ParameterizedTest
	@ValueSource(strings = { "90s", "5m", "2h", "1d" })
	void ttlAcceptsUnits(String ttl) {
		client().put(path("k") + "?ttl=" + ttl, "v");
		long seconds = io.cachepair.cache.expiry.DurationParser.parse("ttl", ttl).toSeconds();

		assertThat(client().get(path("k")).headers().firstValue("Cache-Control")).hasValue("max-age=" + seconds);
	}

	@Test
	void entryWithoutTtlTakesCacheDefault() {
		client().put(path("k"), "v");

		assertThat(client().get(path("k")).headers().firstValue("Cache-Control")).hasValue("max-age=3600");
	}

	@Test
	void readRefreshesIdleTimeout() {
		client().put(path("k") + "?idle=30", "v");

		advanceTime(Duration.ofSeconds(20));
		assertThat(client().get(path("k")).statusCode()).isEqualTo(200);
		advanceTime(Duration.ofSeconds(20));
		HttpResponse<byte[]> refreshed = client().get(path("k"));
		advanceTime(Duration.ofSeconds(31));
		HttpResponse<byte[]> idleTooLong = client().get(path("k"));

		assertThat(refreshed.statusCode()).isEqualTo(200);
		assertThat(refreshed.headers().firstValue("Cache-Control")).hasValue("max-age=30");
		assertThat(idleTooLong.statusCode()).isEqualTo(404);
	}

	@Test
	void readsDoNotExtendTtl() {
		client().put(path("k") + "?ttl=60&idle=30", "v");

		for (int i = 0; i < 3; i++) {
			advanceTime(Duration.ofSeconds(19));
			assertThat(client().get(path("k")).statusCode()).isEqualTo(200);
		}
		HttpResponse<byte[]> nearEnd = client().get(path("k"));
		advanceTime(Duration.ofSeconds(4));

		assertThat(nearEnd.headers().firstValue("Cache-Control")).hasValue("max-age=3");
		assertThat(client().get(path("k")).statusCode()).isEqualTo(404);
	}

	@Test
	void expiredEntryStaysGoneAfterRead() {
		client().put(path("k") + "?idle=10", "v");
		advanceTime(Duration.ofSeconds(11));

		assertThat(client().get(path("k")).statusCode()).isEqualTo(404);
		advanceTime(Duration.ofSeconds(1));
		assertThat(client().get(path("k")).statusCode()).isEqualTo(404);
	}

	@ParameterizedTest
	@ValueSource(strings = { "ttl=0", "ttl=-5", "ttl=abc", "ttl=1.5", "ttl=5w", "ttl=", "idle=0", "idle=-1s", "idle=x",
			"ttl=31d", "idle=31d" })
	void invalidExpiryIsRejectedAndStoresNothing(String query) {
		client().put(path("k"), "original");

		HttpResponse<byte[]> rejected = client().put(path("k") + "?" + query, "replacement");

		assertThat(rejected.statusCode()).isEqualTo(400);
		assertThat(rejected.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(text(rejected)).contains(query.substring(0, query.indexOf('=')));
		assertThat(text(client().get(path("k")))).isEqualTo("original");
	}

	@Test
	void ttlAboveCacheMaximumIsRejected() {
		HttpResponse<byte[]> rejected = client().put(CacheHttpClient.entryPath(SHORT_CACHE, "k") + "?ttl=2h", "v");

		assertThat(rejected.statusCode()).isEqualTo(400);
		assertThat(text(rejected)).contains("maximum of 1h");
		assertThat(client().get(CacheHttpClient.entryPath(SHORT_CACHE, "k")).statusCode()).isEqualTo(404);
	}

	@Test
	void sameBytesGetSameStrongEtag() {
		HttpResponse<byte[]> first = client().put(path("one"), "same");
		HttpResponse<byte[]> second = client().put(path("two"), "same");
		HttpResponse<byte[]> other = client().put(path("three"), "different");

		String etag = first.headers().firstValue("ETag").orElseThrow();
		assertThat(etag).matches("\"[A-Za-z0-9_-]{22}\"");
		assertThat(second.headers().firstValue("ETag")).hasValue(etag);
		assertThat(other.headers().firstValue("ETag")).isNotEqualTo(first.headers().firstValue("ETag"));
		assertThat(client().get(path("two")).headers().firstValue("ETag")).hasValue(etag);
	}

	@Test
	void ifNoneMatchWithCurrentEtagReturnsNotModified() {
		String etag = client().put(path("k"), "v").headers().firstValue("ETag").orElseThrow();

		HttpResponse<byte[]> strong = client().get(path("k"), "If-None-Match", etag);
		HttpResponse<byte[]> weak = client().get(path("k"), "If-None-Match", "W/" + etag);
		HttpResponse<byte[]> listed = client().get(path("k"), "If-None-Match", "\"other\", " + etag);
		HttpResponse<byte[]> stale = client().get(path("k"), "If-None-Match", "\"other\"");

		assertThat(strong.statusCode()).isEqualTo(304);
		assertThat(strong.body()).isEmpty();
		assertThat(strong.headers().firstValue("ETag")).hasValue(etag);
		assertThat(weak.statusCode()).isEqualTo(304);
		assertThat(listed.statusCode()).isEqualTo(304);
		assertThat(stale.statusCode()).isEqualTo(200);
	}

	@Test
	void malformedIfNoneMatchIsRejected() {
		client().put(path("k"), "v");

		HttpResponse<byte[]> rejected = client().get(path("k"), "If-None-Match", "unquoted");

		assertThat(rejected.statusCode()).isEqualTo(400);
		assertThat(text(rejected)).contains("If-None-Match");
	}

	@Test
	void removeReturnsNoContentThenNotFound() {
		client().put(path("k"), "v");

		assertThat(client().delete(path("k")).statusCode()).isEqualTo(204);
		assertThat(client().get(path("k")).statusCode()).isEqualTo(404);
		assertThat(client().delete(path("k")).statusCode()).isEqualTo(404);
	}

	@Test
	void removeByTagRemovesEveryTaggedEntry() {
		client().put(path("a") + "?tag=t", "a");
		client().put(path("b") + "?tag=t&tag=u", "b");
		client().put(path("c") + "?tag=u", "c");

		HttpResponse<byte[]> removed = client().delete("/v1/caches/" + this.cache + "/tags/t");

		assertThat(removed.statusCode()).isEqualTo(200);
		assertThat(text(removed)).isEqualTo("{\"removed\":2}");
		assertThat(client().get(path("a")).statusCode()).isEqualTo(404);
		assertThat(client().get(path("b")).statusCode()).isEqualTo(404);
		assertThat(client().get(path("c")).statusCode()).isEqualTo(200);
	}

	@Test
	void rewriteWithoutTagEscapesRemovalByTag() {
		client().put(path("a") + "?tag=t", "tagged");
		client().put(path("a"), "untagged");

		assertThat(text(client().delete("/v1/caches/" + this.cache + "/tags/t"))).isEqualTo("{\"removed\":0}");
		assertThat(text(client().get(path("a")))).isEqualTo("untagged");
	}

	@Test
	void tagsWithSpecialCharactersWork() {
		client().put(path("a") + "?tag=" + CacheHttpClient.encode("product:1/x y"), "a");

		HttpResponse<byte[]> removed = client()
			.delete("/v1/caches/" + this.cache + "/tags/" + CacheHttpClient.encode("product:1/x y"));

		assertThat(text(removed)).isEqualTo("{\"removed\":1}");
	}

	@Test
	void removeByPrefixRemovesMatchingKeysOnly() {
		for (String key : List.of("user:1", "user:2", "user/3", "users", "order:1")) {
			client().put(path(key), key);
		}

		HttpResponse<byte[]> removed = client().delete("/v1/caches/" + this.cache + "/entries?prefix=user%3A");

		assertThat(text(removed)).isEqualTo("{\"removed\":2}");
		assertThat(client().get(path("user/3")).statusCode()).isEqualTo(200);
		assertThat(client().get(path("users")).statusCode()).isEqualTo(200);
		assertThat(client().get(path("order:1")).statusCode()).isEqualTo(200);
	}

	@Test
	void emptyPrefixIsRejected() {
		client().put(path("k"), "v");

		HttpResponse<byte[]> rejected = client().delete("/v1/caches/" + this.cache + "/entries?prefix=");

		assertThat(rejected.statusCode()).isEqualTo(400);
		assertThat(text(rejected)).contains("prefix");
		assertThat(client().get(path("k")).statusCode()).isEqualTo(200);
	}

	@Test
	void misspeltPrefixParameterIsRejected() {
		client().put(path("user:1"), "v");
		client().put(path("other"), "v");

		HttpResponse<byte[]> rejected = client().delete("/v1/caches/" + this.cache + "/entries?prefx=user%3A");

		assertThat(rejected.statusCode()).isEqualTo(400);
		assertThat(rejected.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(text(rejected)).contains("Unknown query parameter 'prefx'");
		assertThat(text(rejected)).contains("only prefix");
		assertThat(client().get(path("user:1")).statusCode()).isEqualTo(200);
		assertThat(client().get(path("other")).statusCode()).isEqualTo(200);
	}

	@Test
	void unknownWriteParameterIsRejectedAndStoresNothing() {
		client().put(path("k"), "original");

		HttpResponse<byte[]> rejected = client().put(path("k") + "?tags=t1", "replacement");

		assertThat(rejected.statusCode()).isEqualTo(400);
		assertThat(rejected.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(text(rejected)).contains("Unknown query parameter 'tags'");
		assertThat(text(rejected)).contains("only idle, tag, ttl");
		assertThat(text(client().get(path("k")))).isEqualTo("original");
	}

	@Test
	void entryRemovalWithParameterIsRejected() {
		client().put(path("k"), "v");

		HttpResponse<byte[]> rejected = client().delete(path("k") + "?prefix=k");

		assertThat(rejected.statusCode()).isEqualTo(400);
		assertThat(text(rejected)).contains("takes no query parameters");
		assertThat(client().get(path("k")).statusCode()).isEqualTo(200);
	}

	@Test
	void readIgnoresUnknownParameters() {
		client().put(path("k"), "v");

		assertThat(text(client().get(path("k") + "?nocache=1"))).isEqualTo("v");
	}

	@Test
	void conditionalPrefixRemovalIsRejected() {
		client().put(path("k"), "v");

		HttpResponse<byte[]> rejected = client().delete("/v1/caches/" + this.cache + "/entries?prefix=k", "If-Match",
				"\"nope\"");

		assertThat(rejected.statusCode()).isEqualTo(400);
		assertThat(text(rejected)).contains("Conditional requests apply to single entries");
		assertThat(client().get(path("k")).statusCode()).isEqualTo(200);
	}

	@Test
	void repeatedTtlIsRejected() {
		client().put(path("k"), "original");

		HttpResponse<byte[]> rejected = client().put(path("k") + "?ttl=5m&ttl=abc", "replacement");

		assertThat(rejected.statusCode()).isEqualTo(400);
		assertThat(text(rejected)).contains("Repeated query parameter 'ttl'");
		assertThat(text(client().get(path("k")))).isEqualTo("original");
	}

	@Test
	void tagLimitCountsCharactersNotUtf16Units() {
		String emoji = "\uD83D\uDE00".repeat(128);

		HttpResponse<byte[]> put = client().put(path("k") + "?tag=" + CacheHttpClient.encode(emoji), "v");

		assertThat(put.statusCode()).isEqualTo(201);
	}

	@Test
	void rejectedWriteCreatesNoCache() {
		HttpResponse<byte[]> badTtl = client().put(path("k") + "?ttl=0", "v");
		HttpResponse<byte[]> failedCondition = client().put(path("k"), "v", "If-Match", "*");

		assertThat(badTtl.statusCode()).isEqualTo(400);
		assertThat(failedCondition.statusCode()).isEqualTo(412);
		assertThat(client().get("/v1/caches/" + this.cache).statusCode()).isEqualTo(404);
	}

	@Test
	void flushRemovesEveryEntry() {
		client().put(path("a"), "a");
		client().put(path("b"), "b");

		HttpResponse<byte[]> removed = client().delete("/v1/caches/" + this.cache + "/entries");

		assertThat(text(removed)).isEqualTo("{\"removed\":2}");
		assertThat(client().get(path("a")).statusCode()).isEqualTo(404);
	}

	@Test
	void valueOverSizeLimitIsRejectedAndChangesNothing() {
		client().put(path("k"), "original");
		byte[] oversized = new byte[1024 * 1024 + 1];

		HttpResponse<byte[]> rejected = client().send("PUT", path("k"), oversized);

		assertThat(rejected.statusCode()).isEqualTo(413);
		assertThat(text(rejected)).contains("1048576");
		assertThat(text(client().get(path("k")))).isEqualTo("original");
	}

	@Test
	void valueAtSizeLimitIsStored() {
		byte[] value = new byte[1024 * 1024];
		value[value.length - 1] = 7;

		assertThat(client().send("PUT", path("k"), value).statusCode()).isEqualTo(201);
		assertThat(client().get(path("k")).body()).isEqualTo(value);
	}

	@Test
	void tooManyTagsAreRejected() {
		StringBuilder query = new StringBuilder("?tag=t0");
		for (int i = 1; i <= 128; i++) {
			query.append("&tag=t").append(i);
		}

		HttpResponse<byte[]> rejected = client().put(path("k") + query, "v");

		assertThat(rejected.statusCode()).isEqualTo(400);
		assertThat(text(rejected)).contains("129 distinct tags");
		assertThat(client().get(path("k")).statusCode()).isEqualTo(404);
	}

	@Test
	void invalidCacheNameIsRejected() {
		HttpResponse<byte[]> rejected = client().put("/v1/caches/bad%20name/entries/k", "v");

		assertThat(rejected.statusCode()).isEqualTo(400);
		assertThat(text(rejected)).contains("Invalid cache name 'bad name'");
	}

	@Test
	void emptyKeyIsRejected() {
		HttpResponse<byte[]> rejected = client().put("/v1/caches/" + this.cache + "/entries/", "v");

		assertThat(rejected.statusCode()).isEqualTo(400);
		assertThat(text(rejected)).contains("must not be empty");
	}

	@Test
	void invalidContentTypeIsRejected() {
		HttpResponse<byte[]> rejected = client().put(path("k"), "v", "Content-Type", "not a type");
		HttpResponse<byte[]> rejectedAgain = client().put(path("k"), "v", "Content-Type", "not a type");

		assertThat(rejected.statusCode()).isEqualTo(400);
		assertThat(text(rejected)).contains("Content-Type");
		assertThat(rejectedAgain.statusCode()).isEqualTo(400);
		assertThat(client().get(path("k")).statusCode()).isEqualTo(404);
	}

	@Test
	void createOnlyWriteFailsWhenEntryExists() {
		assertThat(client().put(path("k"), "first", "If-None-Match", "*").statusCode()).isEqualTo(201);

		HttpResponse<byte[]> second = client().put(path("k"), "second", "If-None-Match", "*");

		assertThat(second.statusCode()).isEqualTo(412);
		assertThat(second.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(text(client().get(path("k")))).isEqualTo("first");
	}

	@Test
	void replaceOnlyWriteFailsWhenEntryAbsent() {
		assertThat(client().put(path("k"), "v", "If-Match", "*").statusCode()).isEqualTo(412);
		assertThat(client().get(path("k")).statusCode()).isEqualTo(404);

		client().put(path("k"), "first");
		assertThat(client().put(path("k"), "second", "If-Match", "*").statusCode()).isEqualTo(204);
	}

	@Test
	void compareAndSetWritesOnlyOverMatchingEtag() {
		String etag = client().put(path("k"), "first").headers().firstValue("ETag").orElseThrow();

		HttpResponse<byte[]> stale = client().put(path("k"), "x", "If-Match", "\"stale\"");
		HttpResponse<byte[]> weak = client().put(path("k"), "x", "If-Match", "W/" + etag);
		HttpResponse<byte[]> current = client().put(path("k"), "second", "If-Match", etag);

		assertThat(stale.statusCode()).isEqualTo(412);
		assertThat(weak.statusCode()).isEqualTo(412);
		assertThat(current.statusCode()).isEqualTo(204);
		assertThat(text(client().get(path("k")))).isEqualTo("second");
	}

	@Test
	void conditionalRemoveHonoursIfMatch() {
		String etag = client().put(path("k"), "v").headers().firstValue("ETag").orElseThrow();

		assertThat(client().delete(path("k"), "If-Match", "\"stale\"").statusCode()).isEqualTo(412);
		assertThat(client().get(path("k")).statusCode()).isEqualTo(200);
		assertThat(client().delete(path("k"), "If-Match", etag).statusCode()).isEqualTo(204);
	}

	@Test
	void concurrentCompareAndSetLosesNoUpdate() throws Exception {
		client().put(path("n"), "0");
		int clients = 16;
		int successesPerClient = 25;
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> conflicts = new ArrayList<>();
		try (ExecutorService executor = Executors.newFixedThreadPool(clients)) {
			for (int i = 0; i < clients; i++) {
				conflicts.add(executor.submit(() -> {
					start.await();
					return addOneWithCompareAndSet(successesPerClient);
				}));
			}
			start.countDown();
			for (Future<Integer> result : conflicts) {
				result.get();
			}
		}

		assertThat(text(client().get(path("n")))).isEqualTo(Integer.toString(clients * successesPerClient));
	}

	// Adds one to the number under key "n" by read, then compare-and-set, retrying on
	// 412.
	private int addOneWithCompareAndSet(int successes) {
		int failures = 0;
		for (int done = 0; done < successes;) {
			HttpResponse<byte[]> read = client().get(path("n"));
			String etag = read.headers().firstValue("ETag").orElseThrow();
			String next = Long.toString(Long.parseLong(text(read)) + 1);
			int status = client().put(path("n"), next, "If-Match", etag).statusCode();
			if (status == 204) {
				done++;
			}
			else {
				assertThat(status).isEqualTo(412);
				failures++;
			}
		}
		return failures;
	}

	@Test
	void removeByTagRacingTaggedWritesLeavesNoEarlierEntry() throws Exception {
		int writers = 8;
		int keysPerWriter = 40;
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> results = new ArrayList<>();
		try (ExecutorService executor = Executors.newFixedThreadPool(writers)) {
			for (int w = 0; w < writers; w++) {
				int writer = w;
				results.add(executor.submit(() -> {
					start.await();
					for (int i = 0; i < keysPerWriter; i++) {
						assertThat(client().put(path(writer + "-" + i) + "?tag=race", "v").statusCode()).isEqualTo(201);
					}
					return null;
				}));
			}
			start.countDown();
			for (int round = 0; round < 10; round++) {
				client().delete(cachePath("/tags/race"));
			}
			for (Future<?> result : results) {
				result.get();
			}
		}

		HttpResponse<byte[]> finalRemoval = client().delete(cachePath("/tags/race"));
		assertThat(finalRemoval.statusCode()).isEqualTo(200);
		for (int w = 0; w < writers; w++) {
			for (int i = 0; i < keysPerWriter; i++) {
				assertThat(client().get(path(w + "-" + i)).statusCode()).as("key %d-%d", w, i).isEqualTo(404);
			}
		}
	}

	@Test
	void failedPreconditionDoesNotRefreshIdleTimeout() {
		client().put(path("k") + "?idle=30", "v");
		advanceTime(Duration.ofSeconds(20));

		client().put(path("k"), "x", "If-None-Match", "*");
		advanceTime(Duration.ofSeconds(11));

		assertThat(client().get(path("k")).statusCode()).isEqualTo(404);
	}

	@Test
	void problemAnswersNameTheirFields() {
		HttpResponse<byte[]> rejected = client().put(path("k") + "?ttl=soon", "v");

		String body = new String(rejected.body(), StandardCharsets.UTF_8);
		assertThat(body).contains("\"status\":400")
			.contains("\"title\":")
			.contains("\"detail\":")
			.contains("ttl 'soon'");
	}

}
