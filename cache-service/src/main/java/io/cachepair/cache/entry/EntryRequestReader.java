package io.cachepair.cache.entry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import io.cachepair.cache.settings.CacheServiceProperties;
import io.cachepair.cache.web.InvalidRequestException;
import io.cachepair.cache.web.PayloadTooLargeException;
import io.cachepair.cache.web.ProblemException;

/**
 * Reads the parts of an entry request (key, value, content type, tags) and checks each
 * against the configured limits before anything is stored.
 */
@Component
public class EntryRequestReader {

	private static final String DEFAULT_CONTENT_TYPE = MediaType.APPLICATION_OCTET_STREAM_VALUE;

	private final CacheServiceProperties.Limits limits;

	public EntryRequestReader(CacheServiceProperties properties) {
		this.limits = properties.limits();
	}

	/**
	 * Reads the key from the last segment of the request path.
	 * @param request the request
	 * @return the decoded key
	 */
	public String key(HttpServletRequest request) {
		String uri = request.getRequestURI();
		return key(uri.substring(uri.lastIndexOf('/') + 1));
	}

	/**
	 * Decodes and checks a key segment.
	 * @param rawSegment the path segment as the client sent it
	 * @return the decoded key
	 */
	public String key(String rawSegment) {
		return EntryKeys.decode(rawSegment, this.limits.maxKeyBytes());
	}

	/**
	 * Checks a key given in a request body.
	 * @param field the field that held it, for error messages
	 * @param key the key
	 * @throws InvalidRequestException if the key is empty or too long
	 */
	public void checkKey(String field, @Nullable String key) {
		if (key == null || key.isEmpty()) {
			throw new InvalidRequestException("Invalid %s: a key must not be empty.".formatted(field));
		}
		requirePathSafe(key, "Invalid %s: the key".formatted(field), "entry path");
		int length = key.getBytes(StandardCharsets.UTF_8).length;
		if (length > this.limits.maxKeyBytes()) {
			throw new InvalidRequestException(
					"Invalid %s: the key is %d bytes long in UTF-8, over the limit of %d bytes.".formatted(field,
							length, this.limits.maxKeyBytes()));
		}
	}

	/**
	 * Reads the request body as an entry's value, rejecting it unread when its declared
	 * length is over the value size limit.
	 * @param request the request
	 * @return the body bytes
	 * @throws IOException if reading the body fails
	 */
	public byte[] value(HttpServletRequest request) throws IOException {
		return body(request, this.limits.maxValueSize().toBytes(), "value size limit",
				"cache-service.limits.max-value-size");
	}

	/**
	 * Reads the body of a batch call, rejecting it unread when its declared length is
	 * over the batch body limit.
	 * @param request the request
	 * @return the body bytes
	 * @throws IOException if reading the body fails
	 */
	public byte[] batchBody(HttpServletRequest request) throws IOException {
		return body(request, this.limits.maxBatchBodySize().toBytes(), "batch body limit",
				"cache-service.limits.max-batch-body-size");
	}

	/**
	 * Checks the size of a value taken from a batch body.
	 * @param field the field that held it
	 * @param value the value
	 * @throws PayloadTooLargeException if it is over the value size limit
	 */
	public void checkValueSize(String field, byte[] value) {
		long limit = this.limits.maxValueSize().toBytes();
		if (value.length > limit) {
			throw new PayloadTooLargeException(
					"The value of %s is %d bytes, over the value size limit of %d bytes (cache-service.limits.max-value-size)."
						.formatted(field, value.length, limit));
		}
	}

	private byte[] body(HttpServletRequest request, long limit, String limitName, String property) throws IOException {
		long declared = request.getContentLengthLong();
		if (declared > limit) {
			throw tooLarge(declared + " bytes", limit, limitName, property);
		}
		try {
			InputStream body = request.getInputStream();
			if (declared >= 0) {
				return readDeclared(body, (int) declared);
			}
			byte[] value = body.readNBytes((int) limit + 1);
			if (value.length > limit) {
				throw tooLarge("more than " + limit + " bytes", limit, limitName, property);
			}
			return value;
		}
		catch (IOException ex) {
			throw new InvalidRequestException(
					"Invalid body: reading it failed (%s); check the Content-Length or chunked encoding."
						.formatted(ex.getMessage()));
		}
	}

	private static byte[] readDeclared(InputStream body, int length) throws IOException {
		byte[] value = body.readNBytes(length);
		if (value.length < length) {
			throw new InvalidRequestException("Invalid body: Content-Length is %d but the body ended after %d bytes."
				.formatted(length, value.length));
		}
		return value;
	}

	private static PayloadTooLargeException tooLarge(String size, long limit, String limitName, String property) {
		return new PayloadTooLargeException(
				"The body is %s, over the %s of %d bytes (%s).".formatted(size, limitName, limit, property));
	}

	/**
	 * Returns the configured limits.
	 * @return the limits
	 */
	public CacheServiceProperties.Limits limits() {
		return this.limits;
	}

	/**
	 * Returns the request's content type, checked to be a valid media type, or
	 * {@code application/octet-stream} when there is none.
	 * @param request the request
	 * @return the content type to store
	 */
	public String contentType(HttpServletRequest request) {
		String contentType = request.getContentType();
		return (contentType == null || contentType.isBlank()) ? DEFAULT_CONTENT_TYPE
				: checkContentType("Content-Type", contentType);
	}

	/**
	 * Checks that a content type is a valid media type.
	 * @param field the header or field that held it
	 * @param contentType the content type
	 * @return the content type
	 * @throws InvalidRequestException if it is not a valid media type
	 */
	public String checkContentType(String field, String contentType) {
		String known = ContentTypes.find(contentType);
		if (known != null) {
			// Only valid types are shared, so this one was checked before.
			return known;
		}
		if (!MediaTypes.isValid(contentType)) {
			throw new InvalidRequestException(("Invalid %s '%s': it must be a media type such as text/plain or "
					+ "application/json; charset=UTF-8, with each parameter written as name=value.")
				.formatted(field, ProblemException.abbreviate(contentType)));
		}
		return ContentTypes.share(contentType);
	}

	/**
	 * Checks the {@code tag} parameters of a write.
	 * @param tags the parameters, or {@code null} when there are none
	 * @return the distinct tags in request order
	 */
	public Set<String> tags(@Nullable List<String> tags) {
		if (tags == null || tags.isEmpty()) {
			return Set.of();
		}
		Set<String> distinct = new LinkedHashSet<>(tags);
		if (distinct.size() > this.limits.maxTagsPerEntry()) {
			throw new InvalidRequestException(
					"Too many tags: %d distinct tags, over the limit of %d per entry (cache-service.limits.max-tags-per-entry)."
						.formatted(distinct.size(), this.limits.maxTagsPerEntry()));
		}
		distinct.forEach(this::checkTag);
		return distinct;
	}

	/**
	 * Rejects text from a request body that no request path could name again: an unpaired
	 * surrogate has no UTF-8 form, and Tomcat rejects {@code %00} in a path.
	 * @param text the key or tag
	 * @param subject the start of the message, such as {@code "Invalid tag: it"}
	 * @param path the kind of path that must be able to carry the text
	 */
	private static void requirePathSafe(String text, String subject, String path) {
		if (!StandardCharsets.UTF_8.newEncoder().canEncode(text)) {
			throw new InvalidRequestException(
					"%s contains an unpaired surrogate, so it has no UTF-8 form for a %s.".formatted(subject, path));
		}
		if (text.indexOf('\0') >= 0) {
			throw new InvalidRequestException("%s contains U+0000, which no %s can carry.".formatted(subject, path));
		}
	}

	/**
	 * Checks one tag.
	 * @param tag the tag
	 * @throws InvalidRequestException if the tag is empty or too long
	 */
	public void checkTag(String tag) {
		if (tag.isEmpty()) {
			throw new InvalidRequestException("Invalid tag: it must not be empty.");
		}
		requirePathSafe(tag, "Invalid tag: it", "removal path");
		int characters = tag.codePointCount(0, tag.length());
		if (characters > this.limits.maxTagLength()) {
			throw new InvalidRequestException(
					"Invalid tag: it is %d characters long, over the limit of %d (cache-service.limits.max-tag-length)."
						.formatted(characters, this.limits.maxTagLength()));
		}
	}

}
