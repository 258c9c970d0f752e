package io.cachepair.cache.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Checks {@code Authorization: Bearer <token>} headers against the configured token.
 * Tokens are compared as SHA-256 digests with {@link MessageDigest#isEqual}, which takes
 * the same time wherever they differ and does not reveal the token's length.
 */
public class TokenVerifier {

	private static final String PREFIX = "Bearer ";

	private static final byte[] UNAUTHORIZED_BODY = """
			{"type":"about:blank","title":"Unauthorized","status":401,\
			"detail":"This call needs the header 'Authorization: Bearer <token>' with the cache-service's token."}"""
		.getBytes(StandardCharsets.UTF_8);

	private final byte[] expectedDigest;

	TokenVerifier(String token) {
		this.expectedDigest = sha256(token);
	}

	/**
	 * Tests an {@code Authorization} header.
	 * @param authorization the header value, or {@code null} when absent
	 * @return whether it carries the configured bearer token
	 */
	public boolean accepts(@Nullable String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
			return false;
		}
		String token = authorization.substring(PREFIX.length()).strip();
		return MessageDigest.isEqual(sha256(token), this.expectedDigest);
	}

	/**
	 * Writes the 401 problem response.
	 * @param response the response
	 * @throws IOException if writing fails
	 */
	public static void reject(HttpServletResponse response) throws IOException {
		response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"cache-service\"");
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setContentLength(UNAUTHORIZED_BODY.length);
		response.getOutputStream().write(UNAUTHORIZED_BODY);
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform provides SHA-256", ex);
		}
	}

}
