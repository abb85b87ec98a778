package cn.wucheng.cq.security.internal;

import java.io.ByteArrayOutputStream;
import java.util.Locale;

/** RFC 4648 base32 (A–Z, 2–7) without padding: how authenticator apps take a TOTP secret. */
final class Base32 {

	private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

	private Base32() {
	}

	static String encode(byte[] data) {
		StringBuilder out = new StringBuilder((data.length * 8 + 4) / 5);
		int buffer = 0;
		int bits = 0;
		for (byte b : data) {
			buffer = (buffer << 8) | (b & 0xff);
			bits += 8;
			while (bits >= 5) {
				out.append(ALPHABET.charAt((buffer >> (bits - 5)) & 0x1f));
				bits -= 5;
			}
		}
		if (bits > 0) {
			out.append(ALPHABET.charAt((buffer << (5 - bits)) & 0x1f));
		}
		return out.toString();
	}

	/** Ignores case, spaces and padding, as people type it. */
	static byte[] decode(String text) {
		String s = text.replaceAll("[\\s=]", "").toUpperCase(Locale.ROOT);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int buffer = 0;
		int bits = 0;
		for (char c : s.toCharArray()) {
			int v = ALPHABET.indexOf(c);
			if (v < 0) {
				throw new IllegalArgumentException("not a base32 character: " + c);
			}
			buffer = (buffer << 5) | v;
			bits += 5;
			if (bits >= 8) {
				out.write((buffer >> (bits - 8)) & 0xff);
				bits -= 8;
			}
		}
		return out.toByteArray();
	}

}
