package cn.wucheng.cq.security.internal;

import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.codec.binary.Base32;

/**
 * Time-based one-time passwords, RFC 6238 (TOTP) over RFC 4226 (HOTP): HMAC-SHA1 of the number of 30-second steps
 * since the epoch, dynamically truncated to 6 digits — what authenticator apps show. Verification accepts the
 * current step and one step either side (clock drift, RFC 6238 §5.2) and never a step at or before the last one
 * accepted for the account, so a code cannot be used twice.
 */
final class Totp {

	static final int STEP_SECONDS = 30;

	static final int DIGITS = 6;

	static final String ALGORITHM = "HmacSHA1";

	/** Steps either side of now that are still accepted. */
	static final int DRIFT = 1;

	/** 160 bits, the length RFC 4226 §4 recommends for the shared secret. */
	static final int SECRET_BYTES = 20;

	private static final SecureRandom RANDOM = new SecureRandom();

	/** RFC 4648 base32 (A–Z, 2–7), commons-codec's (thread-safe). */
	private static final Base32 BASE32 = new Base32();

	private Totp() {
	}

	static byte[] newSecret() {
		byte[] secret = new byte[SECRET_BYTES];
		RANDOM.nextBytes(secret);
		return secret;
	}

	/** The time step T of RFC 6238 §4.2: floor(unix time / 30). */
	static long step(Instant time) {
		return Math.floorDiv(time.getEpochSecond(), STEP_SECONDS);
	}

	/** The 6-digit code of one step, as an authenticator app shows it. */
	static String code(byte[] secret, long step) {
		return code(secret, step, DIGITS, ALGORITHM);
	}

	/** RFC 4226 §5.3 HOTP with the step as counter; {@code algorithm} HmacSHA1/HmacSHA256/HmacSHA512. */
	static String code(byte[] secret, long step, int digits, String algorithm) {
		byte[] hash;
		try {
			Mac mac = Mac.getInstance(algorithm);
			mac.init(new SecretKeySpec(secret, "RAW"));
			hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(algorithm + " unavailable", e);
		}
		int offset = hash[hash.length - 1] & 0x0f;
		int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
				| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
		int otp = binary % (int) Math.pow(10, digits);
		return String.format("%0" + digits + "d", otp);
	}

	/**
	 * The step whose code {@code code} is, within {@link #DRIFT} steps of {@code now} and after {@code lastUsed}
	 * (null: none yet); empty when the code is wrong, too old or already used.
	 */
	static OptionalLong match(byte[] secret, String code, long now, Long lastUsed) {
		String typed = code == null ? "" : code.replaceAll("\\s", "");
		if (!typed.matches("\\d{" + DIGITS + "}")) {
			return OptionalLong.empty();
		}
		for (long step = now - DRIFT; step <= now + DRIFT; step++) {
			if ((lastUsed == null || step > lastUsed) && constantTimeEquals(code(secret, step), typed)) {
				return OptionalLong.of(step);
			}
		}
		return OptionalLong.empty();
	}

	/**
	 * Whether {@code code} is a right code within {@link #DRIFT} steps of {@code now} but of a step at or before
	 * {@code lastUsed}: typed a second time (the one used to enrol, or to sign in a moment ago), not guessed.
	 */
	static boolean alreadyUsed(byte[] secret, String code, long now, Long lastUsed) {
		OptionalLong step = match(secret, code, now, null);
		return lastUsed != null && step.isPresent() && step.getAsLong() <= lastUsed;
	}

	/** The otpauth:// URI authenticator apps read (Google Authenticator key URI format). */
	static String uri(String issuer, String account, byte[] secret) {
		String label = encode(issuer) + ":" + encode(account);
		return "otpauth://totp/" + label + "?secret=" + base32(secret) + "&issuer=" + encode(issuer)
				+ "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_SECONDS;
	}

	/** The secret as authenticator apps take it: RFC 4648 base32 without padding. */
	static String base32(byte[] secret) {
		return BASE32.encodeToString(secret).replace("=", "");
	}

	private static String encode(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private static boolean constantTimeEquals(String a, String b) {
		return java.security.MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII),
				b.getBytes(StandardCharsets.US_ASCII));
	}

}
