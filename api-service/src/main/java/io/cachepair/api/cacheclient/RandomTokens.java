package io.cachepair.api.cacheclient;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Random tokens of 128 bits in unpadded base64url, 22 characters long, for tombstones and
 * generations. At that size no two tokens ever drawn are expected to be equal, so a token
 * identifies one write on every replica without coordination.
 */
final class RandomTokens {

	private static final SecureRandom random = new SecureRandom();

	private RandomTokens() {
	}

	static String next() {
		byte[] bytes = new byte[16];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
