package cn.wucheng.cq.shared;

import java.time.LocalDate;

/**
 * Masks personal data (个人信息保护, 等保 2.0 level 3; ASVS 14 data protection) for lists, exports and pages of people
 * who may not see it: {@code phone("13812341234")} → {@code "138****1234"}, {@code birthDate(1974-05-06)} →
 * {@code "1974-**-**"}. Pure functions; who may see the unmasked value is decided by the security module
 * ({@code cn.wucheng.cq.security.PersonalData}).
 */
public final class Masking {

	private Masking() {
	}

	/**
	 * A phone number with its middle hidden: 11 or more characters keep the first 3 and last 4 (a mobile number
	 * {@code 138****1234}, a landline with area code {@code 057******4321}); 5 to 10 keep the last 4; shorter ones
	 * are hidden whole. Null and blank stay as they are.
	 */
	public static String phone(String phone) {
		if (phone == null || phone.isBlank()) {
			return phone;
		}
		String p = phone.strip();
		int n = p.length();
		if (n >= 11) {
			return p.substring(0, 3) + "*".repeat(n - 7) + p.substring(n - 4);
		}
		if (n >= 5) {
			return "*".repeat(n - 4) + p.substring(n - 4);
		}
		return "*".repeat(n);
	}

	/** The year of birth only: {@code 1974-**-**}. Null stays null. */
	public static String birthDate(LocalDate birthDate) {
		return birthDate == null ? null : String.format("%04d-**-**", birthDate.getYear());
	}

	/** The same for a date already written as {@code yyyy-MM-dd} (or {@code yyyy/MM/dd}). */
	public static String birthDate(String birthDate) {
		if (birthDate == null || birthDate.isBlank()) {
			return birthDate;
		}
		String d = birthDate.strip();
		return d.length() >= 4 && d.substring(0, 4).chars().allMatch(Character::isDigit) ? d.substring(0, 4) + "-**-**"
				: "****-**-**";
	}

}
