package io.cachepair.api.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class DotSegmentFilterTests {

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/health/../env", "/api/v1/products/./1", "/api/v1/products/..",
			"/api/v1/products/%2e%2e/x", "/api/v1/products/%2E./x", "/api/v1/products/..;x=1/y", "/.",
			"/api/v1/products/.%2e" })
	void pathWithDotSegmentIsDetected(String path) {
		assertThat(DotSegmentFilter.hasDotSegment(path)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/products/1", "/api/v1/products/1.json", "/api/v1/products/...",
			"/api/v1/products/..x", "/v3/api-docs", "/swagger-ui/index.html", "/", "", "/api/v1/products/%2e%2e%2e" })
	void pathWithoutDotSegmentPasses(String path) {
		assertThat(DotSegmentFilter.hasDotSegment(path)).isFalse();
	}

}
