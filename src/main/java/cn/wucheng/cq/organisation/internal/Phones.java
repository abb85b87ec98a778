package cn.wucheng.cq.organisation.internal;

/** Phone numbers are personal data: lists show them masked, e.g. 138****1234. */
final class Phones {

	private Phones() {
	}

	/**
	 * Keeps the first three and last four characters of an 11-digit mobile number and masks the middle; shorter or
	 * other numbers keep only their last four (or fewer) characters visible.
	 */
	static String mask(String phone) {
		if (phone == null || phone.isBlank()) {
			return "";
		}
		String p = phone.trim();
		if (p.length() >= 11) {
			return p.substring(0, 3) + "****" + p.substring(p.length() - 4);
		}
		int visible = Math.min(4, Math.max(0, p.length() - 3));
		return "*".repeat(p.length() - visible) + p.substring(p.length() - visible);
	}

}
