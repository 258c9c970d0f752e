package io.cachepair.api.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class RequestBodyLimitFilterTests {

	private final RequestBodyLimitFilter filter = new RequestBodyLimitFilter(
			new RequestBodyProperties(DataSize.ofBytes(10)), new FilterProblems(JsonMapper.builder().build()));

	private final AtomicReference<ServletRequest> passed = new AtomicReference<>();

	private final FilterChain chain = (request, response) -> this.passed.set(request);

	@Test
	void bodyWithinLimitReachesChainUnchanged() throws Exception {
		MockHttpServletRequest request = post("0123456789".getBytes(StandardCharsets.UTF_8));

		MockHttpServletResponse response = filter(request);

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(this.passed.get()).isNotNull();
		try (InputStream body = this.passed.get().getInputStream()) {
			assertThat(body.readAllBytes()).asString(StandardCharsets.UTF_8).isEqualTo("0123456789");
		}
		assertThat(this.passed.get().getContentLengthLong()).isEqualTo(10);
		assertThat(this.passed.get().getReader().readLine()).isEqualTo("0123456789");
	}

	@Test
	void declaredLengthOverLimitIsRejectedUnread() throws Exception {
		MockHttpServletRequest request = post(new byte[11]);

		MockHttpServletResponse response = filter(request);

		assertThat(response.getStatus()).isEqualTo(413);
		assertThat(response.getContentType()).isEqualTo("application/problem+json");
		assertThat(response.getContentAsString()).contains("\"title\":\"Request body too large\"")
			.contains("11 bytes, over the limit of 10 bytes (cachepair.web.request-body.max-size)");
		assertThat(this.passed.get()).isNull();
	}

	@Test
	void chunkedBodyOverLimitIsRejected() throws Exception {
		MockHttpServletRequest request = chunked(new byte[11]);

		MockHttpServletResponse response = filter(request);

		assertThat(response.getStatus()).isEqualTo(413);
		assertThat(response.getContentAsString()).contains("more than 10 bytes");
		assertThat(this.passed.get()).isNull();
	}

	@Test
	void chunkedBodyAtLimitReachesChain() throws Exception {
		MockHttpServletRequest request = chunked(new byte[10]);

		MockHttpServletResponse response = filter(request);

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(this.passed.get().getContentLength()).isEqualTo(10);
	}

	@Test
	void bodyShorterThanContentLengthIsBadRequest() throws Exception {
		MockHttpServletRequest request = declaring("abc".getBytes(StandardCharsets.UTF_8), 8);

		MockHttpServletResponse response = filter(request);

		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getContentAsString()).contains("Content-Length is 8 but the body ended after 3 bytes");
		assertThat(this.passed.get()).isNull();
	}

	@Test
	void nonUtf8JsonBodyIsRejected() throws Exception {
		MockHttpServletRequest overlongSlash = post(new byte[] { '"', (byte) 0xC0, (byte) 0xAF, '"' });
		MockHttpServletRequest encodedSurrogate = post(new byte[] { '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"' });

		MockHttpServletResponse overlongResponse = filter(overlongSlash);
		MockHttpServletResponse surrogateResponse = filter(encodedSurrogate);

		assertThat(overlongResponse.getStatus()).isEqualTo(400);
		assertThat(overlongResponse.getContentAsString()).contains("not valid UTF-8");
		assertThat(surrogateResponse.getStatus()).isEqualTo(400);
		assertThat(this.passed.get()).isNull();
	}

	@Test
	void nonJsonBodySkipsUtf8Check() throws Exception {
		MockHttpServletRequest request = post(new byte[] { (byte) 0xFF });
		request.setContentType("application/octet-stream");

		filter(request);

		assertThat(this.passed.get()).isNotNull();
	}

	@Test
	void requestWithoutBodyPassesAsIs() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/products/1");

		filter(request);

		assertThat(this.passed.get()).isSameAs(request);
	}

	private MockHttpServletResponse filter(MockHttpServletRequest request) throws ServletException, IOException {
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(request, response, this.chain);
		return response;
	}

	private static MockHttpServletRequest post(byte[] body) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/products");
		request.setContentType("application/json");
		request.setContent(body);
		return request;
	}

	/**
	 * Returns a request whose body has no declared length, as a chunked one.
	 */
	private static MockHttpServletRequest chunked(byte[] body) {
		MockHttpServletRequest request = declaring(body, -1);
		request.addHeader("Transfer-Encoding", "chunked");
		return request;
	}

	/**
	 * Returns a request whose declared length may differ from its body's, as when a
	 * client sends fewer bytes than its {@code Content-Length}.
	 */
	private static MockHttpServletRequest declaring(byte[] body, long declaredLength) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/products") {

			@Override
			public long getContentLengthLong() {
				return declaredLength;
			}

			@Override
			public int getContentLength() {
				return (int) declaredLength;
			}

		};
		request.setContentType("application/json");
		request.setContent(body);
		return request;
	}

}
