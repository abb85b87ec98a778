package cn.wucheng.cq.imports.internal;

/** Cell text as the user meant it: surrounding spaces of any kind (full-width, no-break, BOM) removed. */
final class Text {

	private Text() {
	}

	static boolean isSpace(char c) {
		if (c > ' ' && c < 0x7F) {
			return false; // visible ASCII, most cells' first and last character
		}
		return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF' || c == '\u200B';
	}

	static String clean(String s) {
		if (s == null || s.isEmpty()) {
			return "";
		}
		int start = 0;
		int end = s.length();
		while (start < end && isSpace(s.charAt(start))) {
			start++;
		}
		while (end > start && isSpace(s.charAt(end - 1))) {
			end--;
		}
		return start == 0 && end == s.length() ? s : s.substring(start, end);
	}

	static boolean isBlank(String[] cells) {
		for (String c : cells) {
			if (!clean(c).isEmpty()) {
				return false;
			}
		}
		return true;
	}

}
