package io.cachepair.api.catalog;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.zip.GZIPInputStream;

import io.cachepair.api.cacheclient.CacheRead;
import io.cachepair.api.cacheclient.CacheStatus;
import io.cachepair.api.cacheclient.ContentETag;
import io.cachepair.api.web.JsonConfiguration;
import io.cachepair.api.web.JsonResponses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

@WebMvcTest(ProductController.class)
@Import({ ProductJson.class, JsonConfiguration.class, JsonResponses.class })
@TestPropertySource(properties = "cachepair.web.cors.allowed-origins=https://shop.example.com")
class ProductControllerTests {

	private static final byte[] PRODUCT_JSON = "{\"id\":1,\"price\":600.00}".getBytes(StandardCharsets.UTF_8);

	private static final byte[] LARGE_JSON = ("{\"items\":[" + "{\"name\":\"Kettle\"},".repeat(200) + "{}]}")
		.getBytes(StandardCharsets.UTF_8);

	private static final String VALID_BODY = """
			{"sku":"KIT-1","name":"Lumen Air Kettle 2","price":24.90,"currency":"EUR","category":"kitchen","stock":5}
			""";

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private ProductReadService reads;

	@MockitoBean
	private ProductWriteService writes;

	@Test
	void getSendsCachedBytesWithETagAndStatus() {
		given(this.reads.findById(1)).willReturn(read(CacheStatus.HIT));

		MvcTestResult result = this.mvc.get().uri("/api/v1/products/1").exchange();

		assertThat(result).hasStatusOk();
		assertThat(result).hasContentType(MediaType.APPLICATION_JSON);
		assertThat(result).headers().hasValue("X-Cache", "HIT");
		assertThat(result).headers().hasValue("ETag", ContentETag.of(PRODUCT_JSON));
		assertThat(result.getResponse().getContentAsByteArray()).isEqualTo(PRODUCT_JSON);
	}

	@Test
	void matchingIfNoneMatchGivesNotModified() {
		given(this.reads.findById(1)).willReturn(read(CacheStatus.MISS));

		MvcTestResult result = this.mvc.get()
			.uri("/api/v1/products/1")
			.header("If-None-Match", "\"other\", " + ContentETag.of(PRODUCT_JSON))
			.exchange();

		assertThat(result).hasStatus(HttpStatus.NOT_MODIFIED);
		assertThat(result).headers().hasValue("ETag", ContentETag.of(PRODUCT_JSON));
		assertThat(result).headers().hasValue("X-Cache", "MISS");
		assertThat(result.getResponse().getContentAsByteArray()).isEmpty();
	}

	@Test
	void getWithOtherIfNoneMatchSendsBody() {
		given(this.reads.findById(1)).willReturn(read(CacheStatus.HIT));

		MvcTestResult result = this.mvc.get().uri("/api/v1/products/1").header("If-None-Match", "\"other\"").exchange();

		assertThat(result).hasStatusOk();
		assertThat(result.getResponse().getContentAsByteArray()).isEqualTo(PRODUCT_JSON);
	}

	@Test
	void unknownProductIsNotFoundProblem() {
		given(this.reads.findById(404)).willThrow(new ProductNotFoundException(404));

		MvcTestResult result = this.mvc.get().uri("/api/v1/products/404").exchange();

		assertThat(result).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(result).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.title").isEqualTo("Product not found");
		assertThat(result).bodyJson().extractingPath("$.detail").isEqualTo("No product has id '404'.");
	}

	@Test
	void nonNumericIdIsBadRequestNamingId() {
		MvcTestResult result = this.mvc.get().uri("/api/v1/products/abc").exchange();

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(result).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.errors[0].parameter").isEqualTo("id");
	}

	@Test
	void pageDefaultsToFirstTwenty() {
		given(this.reads.findPage(any())).willReturn(read(CacheStatus.MISS));

		MvcTestResult result = this.mvc.get().uri("/api/v1/products").exchange();

		assertThat(result).hasStatusOk();
		verify(this.reads).findPage(new PageQuery(ProductFilter.NONE, ProductSort.DEFAULT, 0, 20));
	}

	@Test
	void pagePassesCategory() {
		given(this.reads.findPage(any())).willReturn(read(CacheStatus.HIT));

		MvcTestResult result = this.mvc.get().uri("/api/v1/products?page=2&size=100&category=laptops").exchange();

		assertThat(result).hasStatusOk();
		assertThat(result).headers().hasValue("X-Cache", "HIT");
		verify(this.reads)
			.findPage(new PageQuery(ProductFilter.of("laptops", null, null, null, null), ProductSort.DEFAULT, 2, 100));
	}

	@Test
	void blankCategoryListsEveryCategory() {
		given(this.reads.findPage(any())).willReturn(read(CacheStatus.HIT));

		this.mvc.get().uri("/api/v1/products?category=").exchange();

		verify(this.reads).findPage(new PageQuery(ProductFilter.NONE, ProductSort.DEFAULT, 0, 20));
	}

	@ParameterizedTest
	@CsvSource({ "size=0, size", "size=101, size", "size=-5, size", "size=ten, size", "page=-1, page", "page=x, page" })
	void invalidPageParameterIsNamed(String query, String parameter) {
		MvcTestResult result = this.mvc.get().uri("/api/v1/products?" + query).exchange();

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(result).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.errors[0].parameter").isEqualTo(parameter);
		assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("'" + parameter + "'");
	}

	@Test
	void invalidPageAndSizeAreBothNamed() {
		MvcTestResult result = this.mvc.get().uri("/api/v1/products?page=-1&size=500").exchange();

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(result).bodyJson().extractingPath("$.errors[*].parameter").asArray().containsExactly("page", "size");
	}

	@Test
	void createReturnsCreatedWithLocationAndETag() {
		Product created = TestProducts.storedProduct(10_001);
		given(this.writes.create(any())).willReturn(created);

		MvcTestResult result = this.mvc.post()
			.uri("/api/v1/products")
			.contentType(MediaType.APPLICATION_JSON)
			.content(VALID_BODY)
			.exchange();

		assertThat(result).hasStatus(HttpStatus.CREATED);
		assertThat(result).headers().hasValue("Location", "http://localhost/api/v1/products/10001");
		assertThat(result).headers().hasValue("ETag", ContentETag.of(result.getResponse().getContentAsByteArray()));
		assertThat(result).bodyJson().extractingPath("$.id").isEqualTo(10_001);
	}

	@Test
	void createWithInvalidFieldsNamesEachField() {
		String body = """
				{"sku":" bad","name":"","price":-1,"currency":"eur","category":"kitchen","stock":-2,"tags":["ok",""]}
				""";

		MvcTestResult result = this.mvc.post()
			.uri("/api/v1/products")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(result).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.contains("sku", "name", "price", "currency", "stock", "tags[1]");
	}

	@Test
	void createWithMissingFieldsNamesThem() {
		MvcTestResult result = this.mvc.post()
			.uri("/api/v1/products")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")
			.exchange();

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(result).bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.contains("sku", "name", "price", "currency", "category", "stock");
	}

	@Test
	void createWithTooManyPriceDecimalsIsRejected() {
		MvcTestResult result = this.mvc.post()
			.uri("/api/v1/products")
			.contentType(MediaType.APPLICATION_JSON)
			.content(VALID_BODY.replace("24.90", "24.905"))
			.exchange();

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("price");
	}

	@Test
	void createWithWrongJsonTypeNamesField() {
		MvcTestResult result = this.mvc.post()
			.uri("/api/v1/products")
			.contentType(MediaType.APPLICATION_JSON)
			.content(VALID_BODY.replace("24.90", "\"cheap\""))
			.exchange();

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("price");
		assertThat(result).bodyJson().extractingPath("$.errors[0].detail").isEqualTo("must be a number");
	}

	@Test
	void createWithFractionalStockNamesField() {
		MvcTestResult result = this.mvc.post()
			.uri("/api/v1/products")
			.contentType(MediaType.APPLICATION_JSON)
			.content(VALID_BODY.replace("\"stock\":5", "\"stock\":1.5"))
			.exchange();

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("stock");
		assertThat(result).bodyJson().extractingPath("$.errors[0].detail").isEqualTo("must be an integer");
	}

	@Test
	void createWithMalformedJsonIsBadRequest() {
		MvcTestResult result = this.mvc.post()
			.uri("/api/v1/products")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"sku\":")
			.exchange();

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(result).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.title").isEqualTo("Invalid request body");
	}

	@Test
	void createWithDuplicateFieldNamesIt() {
		MvcTestResult result = this.mvc.post()
			.uri("/api/v1/products")
			.contentType(MediaType.APPLICATION_JSON)
			.content(VALID_BODY.replace("\"stock\":5", "\"stock\":5,\"stock\":6"))
			.exchange();

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("Duplicate").contains("stock");
	}

	@Test
	void createWithoutContentTypeSaysWhatToSend() {
		MvcTestResult result = this.mvc.post().uri("/api/v1/products").content(VALID_BODY).exchange();

		assertThat(result).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
		assertThat(result).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("Missing Content-Type: send the body as application/json.");
	}

	@Test
	void createWithIfMatchIsBadRequest() {
		MvcTestResult result = this.mvc.post()
			.uri("/api/v1/products")
			.header("If-Match", "\"zz\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content(VALID_BODY)
			.exchange();

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(result).bodyJson().extractingPath("$.header").isEqualTo("If-Match");
		verifyNoInteractions(this.writes);
	}

	@Test
	void replaceWithIfNoneMatchIsBadRequest() {
		MvcTestResult result = this.mvc.put()
			.uri("/api/v1/products/1")
			.header("If-None-Match", "*")
			.contentType(MediaType.APPLICATION_JSON)
			.content(VALID_BODY)
			.exchange();

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(result).bodyJson().extractingPath("$.header").isEqualTo("If-None-Match");
		verifyNoInteractions(this.writes);
	}

	@Test
	void deleteWithIfNoneMatchIsBadRequest() {
		MvcTestResult result = this.mvc.delete()
			.uri("/api/v1/products/1")
			.header("If-None-Match", "\"abc\"")
			.exchange();

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		verifyNoInteractions(this.writes);
	}

	@Test
	void createWithNumberAsStringIsBadRequest() {
		MvcTestResult result = this.mvc.post()
			.uri("/api/v1/products")
			.contentType(MediaType.APPLICATION_JSON)
			.content(VALID_BODY.replace("\"price\":24.90", "\"price\":\"24.90\""))
			.exchange();

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("price");
		verifyNoInteractions(this.writes);
	}

	@Test
	void createWithUnknownCurrencyIsBadRequest() {
		MvcTestResult result = this.mvc.post()
			.uri("/api/v1/products")
			.contentType(MediaType.APPLICATION_JSON)
			.content(VALID_BODY.replace("EUR", "ZZZ"))
			.exchange();

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("currency");
	}

	@Test
	void createWithCommaInTagIsBadRequest() {
		MvcTestResult result = this.mvc.post()
			.uri("/api/v1/products")
			.contentType(MediaType.APPLICATION_JSON)
			.content(VALID_BODY.replace("\"stock\":5", "\"stock\":5,\"tags\":[\"a,b\"]"))
			.exchange();

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(result).bodyJson().extractingPath("$.errors[0].detail").asString().contains("comma");
	}

	@Test
	void repeatedPageSizeIsBadRequest() {
		MvcTestResult result = this.mvc.get().uri("/api/v1/products?size=1&size=3").exchange();

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(result).bodyJson().extractingPath("$.errors[0].parameter").isEqualTo("size");
		assertThat(result).bodyJson().extractingPath("$.errors[0].detail").asString().contains("sent 2 times");
	}

	@Test
	void createWithDuplicateSkuIsConflict() {
		given(this.writes.create(any())).willThrow(new DuplicateSkuException("KIT-1", null));

		MvcTestResult result = this.mvc.post()
			.uri("/api/v1/products")
			.contentType(MediaType.APPLICATION_JSON)
			.content(VALID_BODY)
			.exchange();

		assertThat(result).hasStatus(HttpStatus.CONFLICT);
		assertThat(result).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("'KIT-1'");
	}

	@Test
	void replacePassesIfMatchAndReturnsETag() {
		given(this.writes.replace(eq(1L), any(), eq("\"abc\""))).willReturn(TestProducts.storedProduct(1));

		MvcTestResult result = this.mvc.put()
			.uri("/api/v1/products/1")
			.header("If-Match", "\"abc\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content(VALID_BODY)
			.exchange();

		assertThat(result).hasStatusOk();
		assertThat(result).headers().hasValue("ETag", ContentETag.of(result.getResponse().getContentAsByteArray()));
	}

	@Test
	void replaceWithStaleTagIsPreconditionFailed() {
		given(this.writes.replace(eq(1L), any(), any())).willThrow(ProductChangedException.staleTag(1, "\"old\""));

		MvcTestResult result = this.mvc.put()
			.uri("/api/v1/products/1")
			.header("If-Match", "\"old\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content(VALID_BODY)
			.exchange();

		assertThat(result).hasStatus(HttpStatus.PRECONDITION_FAILED);
		assertThat(result).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void deleteReturnsNoContent() {
		MvcTestResult result = this.mvc.delete().uri("/api/v1/products/1").exchange();

		assertThat(result).hasStatus(HttpStatus.NO_CONTENT);
		verify(this.writes).delete(1, null);
	}

	@Test
	void deleteOfUnknownProductIsNotFound() {
		willThrow(new ProductNotFoundException(9)).given(this.writes).delete(9, null);

		MvcTestResult result = this.mvc.delete().uri("/api/v1/products/9").exchange();

		assertThat(result).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(result).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void filtersAndSortArePassed() {
		given(this.reads.findPage(any())).willReturn(read(CacheStatus.MISS));

		MvcTestResult result = this.mvc.get()
			.uri("/api/v1/products?category=laptops&tag=oled&tag=4k&minPrice=10&maxPrice=20.50&sort=price,desc"
					+ "&page=1&size=5")
			.param("q", "Pro light")
			.exchange();

		assertThat(result).hasStatusOk();
		ProductFilter filter = ProductFilter.of("laptops", List.of("4k", "oled"), "light pro", new BigDecimal("10"),
				new BigDecimal("20.50"));
		verify(this.reads).findPage(new PageQuery(filter, ProductSort.parse("price,desc"), 1, 5));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "sort=popularity | sort", "sort=price,up | sort", "minPrice=-1 | minPrice",
			"maxPrice=1.001 | maxPrice", "minPrice=cheap | minPrice", "minPrice=20&maxPrice=10 | minPrice",
			"tag=1&tag=2&tag=3&tag=4&tag=5&tag=6&tag=7&tag=8&tag=9&tag=10&tag=11 | tag",
			"q=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa | q" })
	void invalidFilterParameterIsNamed(String query, String parameter) {
		MvcTestResult result = this.mvc.get().uri("/api/v1/products?" + query).exchange();

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(result).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.errors[0].parameter").isEqualTo(parameter);
	}

	@Test
	void createWithThreeInvalidFieldsNamesAllThree() {
		String body = VALID_BODY.replace("\"KIT-1\"", "\"\"").replace("24.90", "-3").replace("\"EUR\"", "\"euro\"");

		MvcTestResult result = this.mvc.post()
			.uri("/api/v1/products")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(result).bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactlyInAnyOrder("currency", "price", "sku", "sku");
		assertThat(result).bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("'currency'")
			.contains("'price'")
			.contains("'sku'");
		verifyNoInteractions(this.writes);
	}

	@Test
	void unknownFieldIsBadRequestNamingIt() {
		MvcTestResult result = this.mvc.post()
			.uri("/api/v1/products")
			.contentType(MediaType.APPLICATION_JSON)
			.content(VALID_BODY.replace("\"stock\":5", "\"stock\":5,\"colour\":\"red\""))
			.exchange();

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("colour");
		assertThat(result).bodyJson()
			.extractingPath("$.errors[0].detail")
			.asString()
			.startsWith("is not a known field");
		verifyNoInteractions(this.writes);
	}

	@Test
	void duplicateFieldIsBadRequest() {
		MvcTestResult result = this.mvc.post()
			.uri("/api/v1/products")
			.contentType(MediaType.APPLICATION_JSON)
			.content(VALID_BODY.replace("\"stock\":5", "\"stock\":5,\"stock\":6"))
			.exchange();

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(result).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		verifyNoInteractions(this.writes);
	}

	@Test
	void readOnlyFieldsOfReadJsonAreIgnored() {
		given(this.writes.replace(eq(1L), any(), any())).willReturn(TestProducts.storedProduct(1));
		String body = VALID_BODY.replace("{", "{\"id\":7,\"createdAt\":\"x\",\"updatedAt\":\"y\",");

		MvcTestResult result = this.mvc.put()
			.uri("/api/v1/products/1")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();

		assertThat(result).hasStatusOk();
	}

	@ParameterizedTest
	@ValueSource(strings = { "*, \"a\"", "unquoted", "\"unterminated", "W/" })
	void malformedIfMatchIsBadRequestAndChangesNothing(String ifMatch) {
		MvcTestResult replace = this.mvc.put()
			.uri("/api/v1/products/1")
			.contentType(MediaType.APPLICATION_JSON)
			.header("If-Match", ifMatch)
			.content(VALID_BODY)
			.exchange();
		MvcTestResult delete = this.mvc.delete().uri("/api/v1/products/1").header("If-Match", ifMatch).exchange();

		assertThat(replace).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(replace).bodyJson().extractingPath("$.header").isEqualTo("If-Match");
		assertThat(delete).hasStatus(HttpStatus.BAD_REQUEST);
		verifyNoInteractions(this.writes);
	}

	@Test
	void malformedIfNoneMatchIsIgnored() {
		given(this.reads.findById(1)).willReturn(read(CacheStatus.HIT));

		MvcTestResult result = this.mvc.get().uri("/api/v1/products/1").header("If-None-Match", "*, \"a\"").exchange();

		assertThat(result).hasStatusOk();
		assertThat(result.getResponse().getContentAsByteArray()).isEqualTo(PRODUCT_JSON);
	}

	@Test
	void deletePassesIfMatch() {
		MvcTestResult result = this.mvc.delete().uri("/api/v1/products/1").header("If-Match", "\"abc\"").exchange();

		assertThat(result).hasStatus(HttpStatus.NO_CONTENT);
		verify(this.writes).delete(1, "\"abc\"");
	}

	@Test
	void deleteWithStaleTagIsPreconditionFailed() {
		willThrow(ProductChangedException.staleTag(1, "\"old\"")).given(this.writes).delete(1, "\"old\"");

		MvcTestResult result = this.mvc.delete().uri("/api/v1/products/1").header("If-Match", "\"old\"").exchange();

		assertThat(result).hasStatus(HttpStatus.PRECONDITION_FAILED);
		assertThat(result).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void largeReadIsGzipWithItsOwnTag() throws IOException {
		given(this.reads.findPage(any())).willReturn(largeRead());

		MvcTestResult result = this.mvc.get().uri("/api/v1/products").header("Accept-Encoding", "gzip").exchange();

		assertThat(result).hasStatusOk();
		assertThat(result).headers().hasValue("Content-Encoding", "gzip");
		assertThat(result.getResponse().getHeaders("Vary")).contains("Accept-Encoding");
		assertThat(result).headers().hasValue("ETag", gzipTag(ContentETag.of(LARGE_JSON)));
		assertThat(gunzip(result.getResponse().getContentAsByteArray())).isEqualTo(LARGE_JSON);
	}

	@Test
	void largeReadWithoutAcceptEncodingIsIdentity() {
		given(this.reads.findPage(any())).willReturn(largeRead());

		MvcTestResult result = this.mvc.get().uri("/api/v1/products").header("Accept-Encoding", "gzip;q=0").exchange();

		assertThat(result).headers().doesNotContainHeader("Content-Encoding");
		assertThat(result).headers().hasValue("ETag", ContentETag.of(LARGE_JSON));
		assertThat(result.getResponse().getContentAsByteArray()).isEqualTo(LARGE_JSON);
	}

	@ParameterizedTest
	@CsvSource({ "gzip", "identity" })
	void eitherEncodingTagGivesNotModified(String taggedEncoding) {
		given(this.reads.findPage(any())).willReturn(largeRead());
		String tag = taggedEncoding.equals("gzip") ? gzipTag(ContentETag.of(LARGE_JSON)) : ContentETag.of(LARGE_JSON);

		MvcTestResult result = this.mvc.get()
			.uri("/api/v1/products")
			.header("Accept-Encoding", "gzip")
			.header("If-None-Match", "W/" + tag)
			.exchange();

		assertThat(result).hasStatus(HttpStatus.NOT_MODIFIED);
		assertThat(result).headers().hasValue("ETag", gzipTag(ContentETag.of(LARGE_JSON)));
		assertThat(result.getResponse().getContentAsByteArray()).isEmpty();
	}

	@Test
	void databaseFailureIsServiceUnavailable() {
		given(this.reads.findById(1)).willThrow(new CannotGetJdbcConnectionException("pool exhausted"));

		MvcTestResult result = this.mvc.get().uri("/api/v1/products/1").exchange();

		assertThat(result).hasStatus(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(result).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).headers().hasValue("Retry-After", "2");
	}

	@Test
	void transactionWithoutConnectionIsServiceUnavailable() {
		given(this.reads.findById(1)).willThrow(new CannotCreateTransactionException("Could not open JDBC Connection",
				new SQLTransientConnectionException("Connection is not available, request timed out after 2000ms")));

		MvcTestResult result = this.mvc.get().uri("/api/v1/products/1").exchange();

		assertThat(result).hasStatus(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(result).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).headers().hasValue("Retry-After", "2");
	}

	@Test
	void commitOverBrokenConnectionIsServiceUnavailable() {
		given(this.reads.findById(1)).willThrow(new TransactionSystemException("Could not commit JDBC transaction",
				new SQLException("An I/O error occurred while sending to the backend.", "08006")));

		MvcTestResult result = this.mvc.get().uri("/api/v1/products/1").exchange();

		assertThat(result).hasStatus(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(result).headers().hasValue("Retry-After", "2");
	}

	@Test
	void rollbackAfterDatabaseFailureIsServiceUnavailable() {
		TransactionSystemException rollbackFailure = new TransactionSystemException("JDBC rollback failed",
				new SQLException("Connection is closed"));
		rollbackFailure.initApplicationException(new DataAccessResourceFailureException("Read timed out"));
		given(this.reads.findById(1)).willThrow(rollbackFailure);

		MvcTestResult result = this.mvc.get().uri("/api/v1/products/1").exchange();

		assertThat(result).hasStatus(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(result).headers().hasValue("Retry-After", "2");
	}

	@Test
	void otherTransactionFailureIsServerError() {
		given(this.reads.findById(1)).willThrow(new TransactionSystemException("Could not commit JDBC transaction",
				new SQLException("serialization failure", "40001")));

		assertThat(this.mvc.get().uri("/api/v1/products/1").exchange()).hasFailed()
			.failure()
			.rootCause()
			.hasMessage("serialization failure");
	}

	@Test
	void preflightFromConfiguredOriginIsAllowed() {
		MvcTestResult result = this.mvc.options()
			.uri("/api/v1/products/1")
			.header("Origin", "https://shop.example.com")
			.header("Access-Control-Request-Method", "PUT")
			.header("Access-Control-Request-Headers", "if-match,content-type")
			.exchange();

		assertThat(result).hasStatusOk();
		assertThat(result).headers().hasValue("Access-Control-Allow-Origin", "https://shop.example.com");
		assertThat(result.getResponse().getHeader("Access-Control-Allow-Methods")).contains("PUT");
	}

	@Test
	void readFromConfiguredOriginExposesETag() {
		given(this.reads.findById(1)).willReturn(read(CacheStatus.HIT));

		MvcTestResult result = this.mvc.get()
			.uri("/api/v1/products/1")
			.header("Origin", "https://shop.example.com")
			.exchange();

		assertThat(result).hasStatusOk();
		assertThat(result.getResponse().getHeader("Access-Control-Expose-Headers")).contains("ETag")
			.contains("X-Cache");
	}

	@Test
	void preflightFromOtherOriginIsForbidden() {
		MvcTestResult result = this.mvc.options()
			.uri("/api/v1/products/1")
			.header("Origin", "https://elsewhere.example.com")
			.header("Access-Control-Request-Method", "PUT")
			.exchange();

		assertThat(result).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(result).headers().doesNotContainHeader("Access-Control-Allow-Origin");
	}

	private static CacheRead largeRead() {
		return new CacheRead(LARGE_JSON, "application/json", ContentETag.of(LARGE_JSON), CacheStatus.HIT);
	}

	private static String gzipTag(String etag) {
		return etag.substring(0, etag.length() - 1) + "-gzip\"";
	}

	private static byte[] gunzip(byte[] compressed) throws IOException {
		try (GZIPInputStream input = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
			return input.readAllBytes();
		}
	}

	private static CacheRead read(CacheStatus status) {
		return new CacheRead(PRODUCT_JSON, "application/json", ContentETag.of(PRODUCT_JSON), status);
	}

}
