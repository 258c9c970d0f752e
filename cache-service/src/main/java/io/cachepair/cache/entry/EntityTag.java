package io.cachepair.cache.entry;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The strong entity tag of a stored value: the first 128 bits of the value's SHA-256
 * digest, so the same bytes always get the same tag on every store and every replica. Its
 * header form is the digest in unpadded base64url between double quotes.
 *
 * @param high the first 64 bits of the digest
 * @param low the next 64 bits of the digest
 */
public record EntityTag(long high, long low) {

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	/**
	 * Computes the tag of a value.
	 * @param value the value bytes, possibly empty
	 * @return the tag
	 */
	public static EntityTag of(byte[] value) {
		ByteBuffer digest = ByteBuffer.wrap(sha256().digest(value));
		return new EntityTag(digest.getLong(), digest.getLong());
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform provides SHA-256", ex);
		}
	}

	/**
	 * Returns the tag without quotes, as it appears inside a header.
	 * @return 22 base64url characters
	 */
	public String opaque() {
		byte[] bytes = ByteBuffer.allocate(16).putLong(this.high).putLong(this.low).array();
		return ENCODER.encodeToString(bytes);
	}

	/**
	 * Returns the tag as an {@code ETag} header value.
	 * @return the quoted tag
	 */
	public String toHeaderValue() {
		return '"' + opaque() + '"';
	}

	@Override
	public String toString() {
		return toHeaderValue();
	}

}
