package cn.wucheng.cq.imports.internal;

import cn.wucheng.cq.shared.SurroundingSpace;

/** Cell text as the user meant it: surrounding spaces of any kind removed ({@link SurroundingSpace}, one rule with the forms). */
final class Text {

	private Text() {
	}

	static boolean isSpace(char c) {
		return SurroundingSpace.isSpace(c);
	}

	static String clean(String s) {
		return SurroundingSpace.strip(s);
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
