package cn.wucheng.cq.imports.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as people type them in Excel/WPS (IMPORT.md): 2024-03-05, 2024/3/5, 2024年3月5日; also 2024.3.5 and 20240305,
 * and any of these followed by a time of day (what an Excel date cell with a time becomes).
 */
final class DateText {

	private static final Pattern SEPARATED = Pattern
		.compile("(\\d{4})\\s*([-/.])\\s*(\\d{1,2})\\s*\\2\\s*(\\d{1,2})(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)?");

	private static final Pattern CHINESE = Pattern.compile(ImportVocabulary.CHINESE_DATE);

	private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

	private DateText() {
	}

	static Optional<LocalDate> parse(String text) {
		String t = Text.clean(text);
		if (isIso(t)) { // 2024-03-05, by far the most frequent form: without a regular expression
			return of(digits(t, 0, 4), digits(t, 5, 7), digits(t, 8, 10));
		}
		Matcher m = SEPARATED.matcher(t);
		if (m.matches()) {
			return of(m.group(1), m.group(3), m.group(4));
		}
		m = CHINESE.matcher(t);
		if (m.matches()) {
			return of(m.group(1), m.group(2), m.group(3));
		}
		m = COMPACT.matcher(t);
		if (m.matches()) {
			return of(m.group(1), m.group(2), m.group(3));
		}
		return Optional.empty();
	}

	private static boolean isIso(String t) {
		if (t.length() != 10 || t.charAt(4) != '-' || t.charAt(7) != '-') {
			return false;
		}
		for (int i = 0; i < 10; i++) {
			char c = t.charAt(i);
			if (i != 4 && i != 7 && (c < '0' || c > '9')) {
				return false;
			}
		}
		return true;
	}

	private static int digits(String t, int from, int to) {
		int v = 0;
		for (int i = from; i < to; i++) {
			v = v * 10 + (t.charAt(i) - '0');
		}
		return v;
	}

	private static Optional<LocalDate> of(int y, int m, int d) {
		try {
			return Optional.of(LocalDate.of(y, m, d));
		}
		catch (DateTimeException e) {
			return Optional.empty();
		}
	}

	private static Optional<LocalDate> of(String y, String m, String d) {
		try {
			return Optional.of(LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d)));
		}
		catch (DateTimeException e) {
			return Optional.empty();
		}
	}

}
