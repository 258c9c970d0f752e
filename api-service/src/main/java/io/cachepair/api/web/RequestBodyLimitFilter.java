package io.cachepair.api.web;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads every request body into memory before the request reaches Spring MVC, up to the
 * configured maximum size. A body over the limit gets a 413 problem, without being read
 * when its {@code Content-Length} already shows it. A body that cannot be read, such as
 * one shorter than its {@code Content-Length}, and a JSON body that is not valid UTF-8
 * get a 400 problem. None of them reaches a controller, so none changes anything.
 */
class RequestBodyLimitFilter extends OncePerRequestFilter {

	private static final String PROPERTY = "cachepair.web.request-body.max-size";

	private final long maxSize;

	private final FilterProblems problems;

	RequestBodyLimitFilter(RequestBodyProperties properties, FilterProblems problems) {
		this.maxSize = properties.maxSize().toBytes();
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!hasBody(request)) {
			chain.doFilter(request, response);
			return;
		}
		long declared = request.getContentLengthLong();
		if (declared > this.maxSize) {
			rejectTooLarge(request, response, declared + " bytes");
			return;
		}
		byte[] body;
		try {
			body = request.getInputStream().readNBytes((int) Math.min(this.maxSize + 1, Integer.MAX_VALUE));
		}
		catch (IOException ex) {
			reject(request, response, HttpStatus.BAD_REQUEST, "Invalid request body",
					"Reading the request body failed; check its Content-Length or chunked encoding.");
			return;
		}
		if (body.length > this.maxSize) {
			rejectTooLarge(request, response, "more than " + this.maxSize + " bytes");
			return;
		}
		if (declared >= 0 && body.length < declared) {
			reject(request, response, HttpStatus.BAD_REQUEST, "Invalid request body", "Content-Length is " + declared
					+ " but the body ended after " + body.length + " bytes. Send the whole body.");
			return;
		}
		if (isJson(request) && !isUtf8(body)) {
			reject(request, response, HttpStatus.BAD_REQUEST, "Invalid request body",
					"The request body is not valid UTF-8, which JSON requires. Send it encoded in UTF-8.");
			return;
		}
		chain.doFilter(new BufferedBodyRequest(request, body), response);
	}

	private static boolean hasBody(HttpServletRequest request) {
		return request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
	}

	private void rejectTooLarge(HttpServletRequest request, HttpServletResponse response, String size)
			throws IOException {
		reject(request, response, HttpStatus.CONTENT_TOO_LARGE, "Request body too large", "The request body is " + size
				+ ", over the limit of " + this.maxSize + " bytes (" + PROPERTY + "). Send a smaller body.");
	}

	private void reject(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title,
			String detail) throws IOException {
		this.problems.write(request, response, status, title, detail);
	}

	/**
	 * Returns whether a request declares a JSON body: {@code application/json} or a
	 * {@code +json} type, with any parameters.
	 */
	private static boolean isJson(HttpServletRequest request) {
		String contentType = request.getContentType();
		if (contentType == null) {
			return false;
		}
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			return type.isCompatibleWith(MediaType.APPLICATION_JSON) || type.getSubtype().endsWith("+json");
		}
		catch (InvalidMediaTypeException ex) {
			// Spring MVC rejects the content type itself with 415 later.
			return false;
		}
	}

	/**
	 * Returns whether the bytes are valid UTF-8, rejecting what Jackson would decode
	 * anyway, such as an overlong encoding of {@code /} or an encoded surrogate.
	 */
	private static boolean isUtf8(byte[] body) {
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(body));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

	/**
	 * A request whose body was read already and is served from memory.
	 */
	private static final class BufferedBodyRequest extends HttpServletRequestWrapper {

		private final byte[] body;

		BufferedBodyRequest(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			return new BufferedBodyInputStream(this.body);
		}

		@Override
		public BufferedReader getReader() throws UnsupportedEncodingException {
			String encoding = getCharacterEncoding();
			return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(this.body), charset(encoding)));
		}

		private static Charset charset(@Nullable String encoding) throws UnsupportedEncodingException {
			if (encoding == null) {
				return StandardCharsets.UTF_8;
			}
			try {
				return Charset.forName(encoding);
			}
			catch (IllegalArgumentException ex) {
				throw new UnsupportedEncodingException("Unsupported request body charset '" + encoding + "'");
			}
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

	}

	private static final class BufferedBodyInputStream extends ServletInputStream {

		private final ByteArrayInputStream body;

		BufferedBodyInputStream(byte[] body) {
			this.body = new ByteArrayInputStream(body);
		}

		@Override
		public int read() {
			return this.body.read();
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			return this.body.read(buffer, offset, length);
		}

		@Override
		public boolean isFinished() {
			return this.body.available() == 0;
		}

		@Override
		public boolean isReady() {
			return true;
		}

		@Override
		public void setReadListener(ReadListener listener) {
			throw new UnsupportedOperationException("The body was read already; asynchronous reading is not supported");
		}

	}

}
