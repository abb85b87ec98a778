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

	private static final Pattern CHINESE = Pattern.compile("(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*[日号]");

	private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

	private DateText() {
	}

	static Optional<LocalDate> parse(String text) {
		String t = Text.clean(text);
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

	private static Optional<LocalDate> of(String y, String m, String d) {
		try {
			return Optional.of(LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d)));
		}
		catch (DateTimeException e) {
			return Optional.empty();
		}
	}

}
