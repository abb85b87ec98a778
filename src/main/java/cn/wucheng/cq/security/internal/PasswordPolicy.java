package cn.wucheng.cq.security.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a new password must satisfy. Each rule is a named {@link Violation} with its Chinese message key, so the
 * change-password page can list every problem at once. "Not equal to the current password" needs the stored hash and
 * is checked by {@link AccountService}.
 */
final class PasswordPolicy {

	/** One broken rule; {@link #messageKey()} is in messages-security.properties. */
	enum Violation {

		/** Fewer than {@link #MIN_LENGTH} characters. */
		TOO_SHORT("account.password.tooShort"),
		/** More than 72 bytes: BCrypt ignores the rest, Spring Security refuses it. */
		TOO_LONG("account.password.tooLong"),
		/** Fewer than 3 of the 4 kinds: upper case, lower case, digit, symbol. */
		TOO_FEW_KINDS("account.password.tooFewKinds"),
		/** Contains the username (ignoring case). */
		CONTAINS_USERNAME("account.password.containsUsername"),
		/** On the shipped list of common passwords (ignoring case). */
		COMMON("account.password.common");

		private final String messageKey;

		Violation(String messageKey) {
			this.messageKey = messageKey;
		}

		String messageKey() {
			return messageKey;
		}

	}

	static final int MIN_LENGTH = 8;

	static final int MAX_BYTES = 72;

	static final String COMMON_PASSWORDS = "/security/common-passwords.txt";

	private final Set<String> common;

	PasswordPolicy(Set<String> commonLowerCase) {
		this.common = Set.copyOf(commonLowerCase);
	}

	/** The policy with the shipped list of common passwords. */
	static PasswordPolicy standard() {
		return new PasswordPolicy(loadCommonPasswords());
	}

	List<Violation> check(String username, String password) {
		List<Violation> violations = new ArrayList<>();
		String pw = password == null ? "" : password;
		if (pw.codePointCount(0, pw.length()) < MIN_LENGTH) {
			violations.add(Violation.TOO_SHORT);
		}
		if (pw.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			violations.add(Violation.TOO_LONG);
		}
		if (kinds(pw) < 3) {
			violations.add(Violation.TOO_FEW_KINDS);
		}
		String lower = pw.toLowerCase(Locale.ROOT);
		if (username != null && !username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
			violations.add(Violation.CONTAINS_USERNAME);
		}
		if (common.contains(lower)) {
			violations.add(Violation.COMMON);
		}
		return violations;
	}

	/** How many of upper case, lower case, digit and symbol (anything else) occur. */
	static int kinds(String pw) {
		boolean upper = false, lower = false, digit = false, symbol = false;
		for (char c : pw.toCharArray()) {
			if (c >= 'A' && c <= 'Z') {
				upper = true;
			}
			else if (c >= 'a' && c <= 'z') {
				lower = true;
			}
			else if (c >= '0' && c <= '9') {
				digit = true;
			}
			else if (!Character.isWhitespace(c)) {
				symbol = true;
			}
		}
		return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
	}

	static Set<String> loadCommonPasswords() {
		Set<String> words = new HashSet<>();
		try (InputStream in = PasswordPolicy.class.getResourceAsStream(COMMON_PASSWORDS)) {
			if (in == null) {
				throw new IllegalStateException("missing resource " + COMMON_PASSWORDS);
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				String w = line.trim();
				if (!w.isEmpty() && !w.startsWith("#")) {
					words.add(w.toLowerCase(Locale.ROOT));
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return words;
	}

}
