package io.cachepair.api.catalog;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class ProductReadFilterTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', nullValues = "none",
			value = { "GET|/api/v1/products/12|none|12", "HEAD|/api/v1/products/7|none|7",
					"GET|/api/v1/products/123456789012345678|none|123456789012345678",
					"GET|/api/v1/products/1234567890123456789|none|-1", "GET|/api/v1/products/12a|none|-1",
					"GET|/api/v1/products/-1|none|-1", "GET|/api/v1/products/|none|-1", "GET|/api/v1/products|none|-1",
					"GET|/api/v1/products/1/extra|none|-1", "POST|/api/v1/products/12|none|-1",
					"PUT|/api/v1/products/12|none|-1", "GET|/api/v1/products/12|https://shop.example|-1",
					"GET|/api/v1/products/%31|none|-1" })
	void productIdIsTakenOnlyFromPlainReads(String method, String uri, String origin, long expected) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, uri);
		if (origin != null) {
			request.addHeader("Origin", origin);
		}

		assertThat(ProductReadFilter.productId(request)).isEqualTo(expected);
	}

}
