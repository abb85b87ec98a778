package cn.wucheng.cq.security.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Second-factor secrets are stored encrypted (AES-256-GCM, the username as associated data so a secret copied to
 * another row does not decrypt): a copy of the database alone does not give the codes. The key is
 * {@code cq.security.totp-key} (env CQ_TOTP_KEY, base64 of 32 bytes); without it, a key file {@code totp.key} in the
 * shared directory ({@code cq.shared-dir}, by default the data directory), created on first use, readable by the owner
 * only. Losing the key means every user enrols again.
 */
@Component
class SecondFactorSecrets {

	private static final Logger log = LoggerFactory.getLogger(SecondFactorSecrets.class);

	private static final String PREFIX = "v1:";

	private static final int IV_BYTES = 12;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final String configuredKey;

	private final Path keyFile;

	private volatile SecretKey key;

	SecondFactorSecrets(SecurityProperties properties, @Value("${cq.shared-dir:${cq.data-dir:./data}}") Path dataDir) {
		this.configuredKey = properties.totpKey();
		this.keyFile = dataDir.resolve("totp.key");
	}

	String encrypt(byte[] secret, String username) {
		try {
			byte[] iv = new byte[IV_BYTES];
			RANDOM.nextBytes(iv);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(128, iv));
			cipher.updateAAD(username.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = cipher.doFinal(secret);
			byte[] out = new byte[iv.length + sealed.length];
			System.arraycopy(iv, 0, out, 0, iv.length);
			System.arraycopy(sealed, 0, out, iv.length, sealed.length);
			return PREFIX + Base64.getEncoder().encodeToString(out);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("cannot encrypt a second-factor secret", e);
		}
	}

	byte[] decrypt(String stored, String username) {
		if (stored == null || !stored.startsWith(PREFIX)) {
			throw new IllegalStateException("unknown second-factor secret format");
		}
		try {
			byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(128, in, 0, IV_BYTES));
			cipher.updateAAD(username.getBytes(StandardCharsets.UTF_8));
			return cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("cannot decrypt the second-factor secret of " + username
					+ " (another key, or the row was tampered with)", e);
		}
	}

	private SecretKey key() {
		SecretKey k = key;
		if (k == null) {
			synchronized (this) {
				if (key == null) {
					key = new SecretKeySpec(loadOrCreate(), "AES");
				}
				k = key;
			}
		}
		return k;
	}

	private byte[] loadOrCreate() {
		if (configuredKey != null && !configuredKey.isBlank()) {
			return checked(Base64.getDecoder().decode(configuredKey.trim()), "cq.security.totp-key");
		}
		try {
			if (Files.exists(keyFile)) {
				return checked(Base64.getDecoder().decode(Files.readString(keyFile).trim()), keyFile.toString());
			}
			byte[] fresh = new byte[32];
			RANDOM.nextBytes(fresh);
			Files.createDirectories(keyFile.toAbsolutePath().getParent());
			// written whole under another name, then linked into place only if no other instance sharing the directory
			// (issue 16) created it meanwhile: theirs then wins, and both use the same key
			Path written = Files.createTempFile(keyFile.toAbsolutePath().getParent(), "totp-", ".part");
			try {
				try {
					Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-------"));
				}
				catch (UnsupportedOperationException e) {
					// not a POSIX file system: the directory's protection has to do
				}
				Files.writeString(written, Base64.getEncoder().encodeToString(fresh));
				Files.createLink(keyFile, written);
			}
			catch (FileAlreadyExistsException other) {
				return checked(Base64.getDecoder().decode(Files.readString(keyFile).trim()), keyFile.toString());
			}
			finally {
				Files.deleteIfExists(written);
			}
			log.warn("Created the key for second-factor secrets in {}: back it up with the database", keyFile);
			return fresh;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static byte[] checked(byte[] key, String where) {
		if (key.length != 32) {
			throw new IllegalStateException(where + " must be base64 of 32 bytes (AES-256), not " + key.length);
		}
		return key;
	}

}
