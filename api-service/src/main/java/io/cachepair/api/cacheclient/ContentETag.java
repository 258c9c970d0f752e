package io.cachepair.api.cacheclient;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * The strong entity tag that the cache-service derives from a value's bytes, so that the
 * same bytes get the same tag whether they come from the cache-service or were just
 * serialised.
 */
public final class ContentETag {

	private static final int DIGEST_PREFIX_BYTES = 16;

	private ContentETag() {
	}

	/**
	 * Computes the quoted strong entity tag of the given bytes: the unpadded base64url
	 * form of the first 16 bytes of their SHA-256 digest.
	 * @param content the bytes to tag
	 * @return the tag with its quotes, 24 characters long
	 */
	public static String of(byte[] content) {
		byte[] prefix = Arrays.copyOf(sha256().digest(content), DIGEST_PREFIX_BYTES);
		return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(prefix) + '"';
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform must support SHA-256", ex);
		}
	}

}
