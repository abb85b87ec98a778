package cn.wucheng.cq.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;

import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** TOTP as RFC 6238 defines it, proven with the test vectors of its Appendix B; base32 with RFC 4648's. */
@Tag("nodb")
class TotpTests {

	static final byte[] SEED_SHA1 = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	static final byte[] SEED_SHA256 = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);

	static final byte[] SEED_SHA512 = "1234567890123456789012345678901234567890123456789012345678901234"
		.getBytes(StandardCharsets.US_ASCII);

	/** RFC 6238 Appendix B: time (s), SHA1, SHA256, SHA512 — 8 digits, 30-second steps, T0 = 0. */
	@ParameterizedTest(name = "RFC 6238 at {0} s")
	@CsvSource({ "59, 94287082, 46119246, 90693936", "1111111109, 07081804, 68084774, 25091201",
			"1111111111, 14050471, 67062674, 99943326", "1234567890, 89005924, 91819424, 93441116",
			"2000000000, 69279037, 90698825, 38618901", "20000000000, 65353130, 77737706, 47863826" })
	void theRfcTestVectorsComeOut(long seconds, String sha1, String sha256, String sha512) {
		long step = Totp.step(Instant.ofEpochSecond(seconds));
		assertThat(Totp.code(SEED_SHA1, step, 8, "HmacSHA1")).isEqualTo(sha1);
		assertThat(Totp.code(SEED_SHA256, step, 8, "HmacSHA256")).isEqualTo(sha256);
		assertThat(Totp.code(SEED_SHA512, step, 8, "HmacSHA512")).isEqualTo(sha512);
		// what the apps show: the same truncation to 6 digits
		assertThat(Totp.code(SEED_SHA1, step)).isEqualTo(sha1.substring(2));
	}

	@Test
	void aCodeOfTheStepBeforeOrAfterIsAcceptedButNotTwoStepsAway() {
		long now = Totp.step(Instant.ofEpochSecond(1_111_111_111L));
		for (long drift = -1; drift <= 1; drift++) {
			assertThat(Totp.match(SEED_SHA1, Totp.code(SEED_SHA1, now + drift), now, null))
				.isEqualTo(OptionalLong.of(now + drift));
		}
		assertThat(Totp.match(SEED_SHA1, Totp.code(SEED_SHA1, now - 2), now, null)).isEmpty();
		assertThat(Totp.match(SEED_SHA1, Totp.code(SEED_SHA1, now + 2), now, null)).isEmpty();
	}

	@Test
	void aCodeIsNeverAcceptedTwiceNorAnOlderOneAfterANewerOne() {
		long now = 1000;
		String code = Totp.code(SEED_SHA1, now);
		assertThat(Totp.match(SEED_SHA1, code, now, null)).hasValue(now);
		assertThat(Totp.match(SEED_SHA1, code, now, now)).as("the same code again").isEmpty();
		assertThat(Totp.match(SEED_SHA1, Totp.code(SEED_SHA1, now - 1), now, now)).as("an older one").isEmpty();
		assertThat(Totp.match(SEED_SHA1, Totp.code(SEED_SHA1, now + 1), now, now)).hasValue(now + 1);
	}

	@Test
	void wrongOrMalformedCodesAreRefused() {
		long now = 1000;
		String right = Totp.code(SEED_SHA1, now);
		String wrong = String.format("%06d", (Integer.parseInt(right) + 1) % 1_000_000);
		assertThat(Totp.match(SEED_SHA1, wrong, now, null)).isEmpty();
		assertThat(Totp.match(SEED_SHA1, "", now, null)).isEmpty();
		assertThat(Totp.match(SEED_SHA1, null, now, null)).isEmpty();
		assertThat(Totp.match(SEED_SHA1, "12345", now, null)).isEmpty();
		assertThat(Totp.match(SEED_SHA1, "abcdef", now, null)).isEmpty();
		assertThat(Totp.match(SEED_SHA1, right.substring(0, 3) + " " + right.substring(3), now, null))
			.as("typed with a space, as apps show it")
			.hasValue(now);
	}

	@ParameterizedTest(name = "base32 \"{0}\"")
	@CsvSource({ "'', ''", "f, MY", "fo, MZXQ", "foo, MZXW6", "foob, MZXW6YQ", "fooba, MZXW6YTB",
			"foobar, MZXW6YTBOI" })
	void base32IsRfc4648WithoutPadding(String text, String encoded) {
		assertThat(Totp.base32(text.getBytes(StandardCharsets.US_ASCII))).isEqualTo(encoded);
		// read back as people type it (lower case, padded), the way the tests read the secret off the page
		assertThat(new String(new Base32().decode(encoded.toLowerCase() + "=="), StandardCharsets.US_ASCII))
			.isEqualTo(text);
	}

	@Test
	void theUriIsWhatAuthenticatorAppsRead() {
		String uri = Totp.uri("执法办案", "admin", SEED_SHA1);
		assertThat(uri).startsWith("otpauth://totp/")
			.contains("secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", "algorithm=SHA1", "digits=6", "period=30", ":admin?")
			.doesNotContain(" ");
	}

	@Test
	void newSecretsAre160BitsAndDiffer() {
		assertThat(Totp.newSecret()).hasSize(20).isNotEqualTo(Totp.newSecret());
	}

	@Test
	void theQrCodeIsAnSvgDataUri() {
		String qr = QrCodes.svgDataUri(Totp.uri("执法办案", "admin", SEED_SHA1));
		assertThat(qr).startsWith("data:image/svg+xml;base64,");
		String svg = new String(java.util.Base64.getDecoder().decode(qr.substring(qr.indexOf(',') + 1)),
				StandardCharsets.UTF_8);
		assertThat(svg).startsWith("<svg").contains("<path").doesNotContain("script");
	}

}
