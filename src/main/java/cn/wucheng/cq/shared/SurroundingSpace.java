package cn.wucheng.cq.shared;

/**
 * Text as the user meant it: surrounding spaces of any kind (full-width, no-break, BOM, zero-width) removed. One rule
 * for what a spreadsheet cell and a form field carry around a value, so that a number typed on a page and the same
 * number in an imported file are the same text (e.g. 执法证号, issue 14).
 */
public final class SurroundingSpace {

	private SurroundingSpace() {
	}

	public static boolean isSpace(char c) {
		if (c > ' ' && c < 0x7F) {
			return false; // visible ASCII, most values' first and last character
		}
		return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF' || c == '\u200B';
	}

	/** {@code s} without its surrounding spaces; null as empty. */
	public static String strip(String s) {
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

}
