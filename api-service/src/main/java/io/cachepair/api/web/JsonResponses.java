package io.cachepair.api.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.context.request.WebRequest;

/**
 * Builds the responses to reads of JSON resources with entity tags: gzip when the client
 * accepts it and the JSON reaches the compression threshold, and 304 for a matching
 * {@code If-None-Match}.
 * <p>
 * Each encoding gets its own strong entity tag, as RFC 9110 requires of content codings:
 * the JSON's tag {@code "t"} for the identity encoding and {@code "t-gzip"} for gzip.
 * Tomcat compresses no response with a strong tag, so these responses are compressed
 * here. The two tags name the same JSON, so {@code If-None-Match} and {@code If-Match}
 * accept either.
 */
@Component
public class JsonResponses {

	/** The header that names the path that served a read: HIT, MISS or BYPASS. */
	public static final String CACHE_STATUS_HEADER = "X-Cache";

	private static final String GZIP_SUFFIX = "-gzip";

	private static final String ENTITY_TAG_SYNTAX = "use * or a comma-separated list of quoted entity tags, "
			+ "such as \"abc\" or W/\"abc\", as sent in ETag.";

	private final boolean compressionEnabled;

	private final long minCompressedSize;

	JsonResponses(@Value("${server.compression.enabled:false}") boolean compressionEnabled,
			@Value("${server.compression.min-response-size:2KB}") DataSize minCompressedSize) {
		this.compressionEnabled = compressionEnabled;
		this.minCompressedSize = minCompressedSize.toBytes();
	}

	/**
	 * Builds the response to a read: 200 with the JSON, gzip-encoded when the request
	 * accepts gzip and the JSON is large enough, or 304 without a body when
	 * {@code If-None-Match} lists a tag of either encoding.
	 * @param json the JSON to send
	 * @param request the request, for {@code Accept-Encoding} and {@code If-None-Match}
	 * @param headers further headers for both 200 and 304
	 * @return the response
	 */
	public ResponseEntity<byte[]> read(TaggedJson json, WebRequest request, HttpHeaders headers) {
		boolean gzip = shouldCompress(json, request.getHeader(HttpHeaders.ACCEPT_ENCODING));
		String etag = gzip ? gzipTag(json.etag()) : json.etag();
		HttpHeaders responseHeaders = new HttpHeaders();
		responseHeaders.addAll(headers);
		responseHeaders.setETag(etag);
		if (this.compressionEnabled) {
			responseHeaders.setVary(List.of(HttpHeaders.ACCEPT_ENCODING));
		}
		if (matchesAny(request.getHeader(HttpHeaders.IF_NONE_MATCH), json.etag(), false)) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).headers(responseHeaders).build();
		}
		responseHeaders.setContentType(json.contentType());
		if (gzip) {
			responseHeaders.set(HttpHeaders.CONTENT_ENCODING, "gzip");
			return ResponseEntity.ok().headers(responseHeaders).body(gzip(json.value()));
		}
		return ResponseEntity.ok().headers(responseHeaders).body(json.value());
	}

	/**
	 * Writes the response to a read straight to a servlet response, by the same rules as
	 * {@link #read}, for the product read served ahead of Spring MVC.
	 * @param json the JSON to send
	 * @param request the request, for {@code Accept-Encoding} and {@code If-None-Match}
	 * @param response the response
	 * @param cacheStatus the value of the {@code X-Cache} header
	 * @throws IOException if writing the body fails
	 */
	public void write(TaggedJson json, HttpServletRequest request, HttpServletResponse response, String cacheStatus)
			throws IOException {
		boolean gzip = shouldCompress(json, request.getHeader(HttpHeaders.ACCEPT_ENCODING));
		response.setHeader(CACHE_STATUS_HEADER, cacheStatus);
		response.setHeader(HttpHeaders.ETAG, gzip ? gzipTag(json.etag()) : json.etag());
		if (this.compressionEnabled) {
			response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
		}
		if (matchesAny(request.getHeader(HttpHeaders.IF_NONE_MATCH), json.etag(), false)) {
			response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
			return;
		}
		byte[] body = gzip ? gzip(json.value()) : json.value();
		response.setStatus(HttpServletResponse.SC_OK);
		response.setContentType(json.contentType().toString());
		if (gzip) {
			response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
		}
		response.setContentLength(body.length);
		if (!"HEAD".equals(request.getMethod())) {
			response.getOutputStream().write(body);
		}
	}

	/**
	 * Returns whether an {@code If-Match} header holds for JSON with the given tag: it is
	 * {@code *} or lists the tag of either encoding, compared strongly, so that a weak
	 * tag never matches. A value that {@link #requireValidIfMatch} rejects never holds.
	 * @param ifMatch the header value
	 * @param etag the quoted strong tag of the current JSON
	 * @return whether the write may go ahead
	 */
	public static boolean ifMatchHolds(String ifMatch, String etag) {
		return matchesAny(ifMatch, etag, true);
	}

	/**
	 * Checks the syntax of an {@code If-Match} header, so that a malformed one, such as
	 * {@code *, "a"}, rejects the write instead of being read in some lenient way.
	 * @param ifMatch the header value, or {@code null} when the request has none
	 * @throws InvalidHeaderException if the value is neither {@code *} nor a list of
	 * entity tags
	 */
	public static void requireValidIfMatch(@Nullable String ifMatch) {
		if (ifMatch != null && EntityTagList.parse(ifMatch).isEmpty()) {
			throw new InvalidHeaderException(HttpHeaders.IF_MATCH, ifMatch, ENTITY_TAG_SYNTAX);
		}
	}

	/**
	 * Returns whether a conditional header lists the tag of either encoding. A malformed
	 * header matches nothing, so a read with a malformed {@code If-None-Match} gets the
	 * full response.
	 */
	private static boolean matchesAny(@Nullable String header, String etag, boolean strong) {
		if (header == null) {
			return false;
		}
		return EntityTagList.parse(header)
			.map((tags) -> tags.matches(etag, strong) || tags.matches(gzipTag(etag), strong))
			.orElse(false);
	}

	private boolean shouldCompress(TaggedJson json, @Nullable String acceptEncoding) {
		return this.compressionEnabled && json.value().length >= this.minCompressedSize && acceptsGzip(acceptEncoding);
	}

	/**
	 * Returns whether {@code Accept-Encoding} lists {@code gzip} or {@code *} without
	 * {@code q=0}.
	 */
	static boolean acceptsGzip(@Nullable String acceptEncoding) {
		if (acceptEncoding == null) {
			return false;
		}
		for (String item : acceptEncoding.split(",")) {
			String[] parts = item.strip().toLowerCase(Locale.ROOT).split(";");
			String coding = parts[0].strip();
			if ((coding.equals("gzip") || coding.equals("*")) && !hasZeroQuality(parts)) {
				return true;
			}
		}
		return false;
	}

	private static boolean hasZeroQuality(String[] parts) {
		for (int i = 1; i < parts.length; i++) {
			String parameter = parts[i].strip();
			if (parameter.startsWith("q=") && parameter.substring(2).matches("0(\\.0{0,3})?")) {
				return true;
			}
		}
		return false;
	}

	private static String gzipTag(String etag) {
		return etag.substring(0, etag.length() - 1) + GZIP_SUFFIX + "\"";
	}

	private static byte[] gzip(byte[] value) {
		ByteArrayOutputStream compressed = new ByteArrayOutputStream(value.length / 4 + 64);
		try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
			gzip.write(value);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Compressing in memory failed", ex);
		}
		return compressed.toByteArray();
	}

	/**
	 * JSON to send, with its strong entity tag.
	 *
	 * @param value the JSON bytes
	 * @param contentType the media type of the bytes
	 * @param etag the quoted strong entity tag of the bytes
	 */
	public record TaggedJson(byte[] value, MediaType contentType, String etag) {

	}

}
