package cn.wucheng.cq.shared;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scoring period: a quarter ({@code 2024-Q1}), a month ({@code 2024-03}) or a year ({@code 2024}).
 * A case scores in the period containing its conclusion date.
 */
public record Period(Kind kind, int year, int number) {

	/** What the period spans. */
	public enum Kind {
		/** A calendar year. */
		YEAR,
		/** A calendar quarter, numbered 1–4. */
		QUARTER,
		/** A calendar month, numbered 1–12. */
		MONTH
	}

	private static final Pattern QUARTER = Pattern.compile("(\\d{4})-[Qq]([1-4])");
	private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{1,2})");
	private static final Pattern YEAR = Pattern.compile("(\\d{4})");

	public Period {
		if (year < 1900 || year > 2999) {
			throw new IllegalArgumentException("year out of range: " + year);
		}
		if (kind == Kind.QUARTER && (number < 1 || number > 4)) {
			throw new IllegalArgumentException("quarter must be 1-4: " + number);
		}
		if (kind == Kind.MONTH && (number < 1 || number > 12)) {
			throw new IllegalArgumentException("month must be 1-12: " + number);
		}
	}

	public static Period quarter(int year, int quarter) {
		return new Period(Kind.QUARTER, year, quarter);
	}

	public static Period month(int year, int month) {
		return new Period(Kind.MONTH, year, month);
	}

	public static Period year(int year) {
		return new Period(Kind.YEAR, year, 0);
	}

	/** The quarter that contains a date. */
	public static Period quarterOf(LocalDate date) {
		return quarter(date.getYear(), (date.getMonthValue() - 1) / 3 + 1);
	}

	/**
	 * Parses {@code 2024-Q1}, {@code 2024-03} or {@code 2024}.
	 * @throws IllegalArgumentException with a Chinese message when the text is none of these
	 */
	public static Period parse(String text) {
		String t = text == null ? "" : text.trim();
		Matcher m = QUARTER.matcher(t);
		if (m.matches()) {
			return quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
		}
		m = MONTH.matcher(t);
		if (m.matches()) {
			int month = Integer.parseInt(m.group(2));
			if (month >= 1 && month <= 12) {
				return month(Integer.parseInt(m.group(1)), month);
			}
		}
		m = YEAR.matcher(t);
		if (m.matches()) {
			return year(Integer.parseInt(m.group(1)));
		}
		throw new IllegalArgumentException("a period is 2024-Q1, 2024-03 or 2024, not: " + t);
	}

	public LocalDate start() {
		return switch (kind) {
			case YEAR -> LocalDate.of(year, 1, 1);
			case QUARTER -> LocalDate.of(year, (number - 1) * 3 + 1, 1);
			case MONTH -> LocalDate.of(year, number, 1);
		};
	}

	/** The last day of the period, inclusive. */
	public LocalDate end() {
		return switch (kind) {
			case YEAR -> LocalDate.of(year, 12, 31);
			case QUARTER -> YearMonth.of(year, number * 3).atEndOfMonth();
			case MONTH -> YearMonth.of(year, number).atEndOfMonth();
		};
	}

	public boolean contains(LocalDate date) {
		return !date.isBefore(start()) && !date.isAfter(end());
	}

	public boolean isQuarter() {
		return kind == Kind.QUARTER;
	}

	/**
	 * The Chinese label, e.g. 2024年第1季度: the message {@code period.label.<kind>} of messages.properties, so the words
	 * stay out of Java (issue 15 item 3) while pages, workbooks and messages keep calling {@code label()}.
	 */
	public String label() {
		return BundledText.of("messages", "period.label." + kind.name().toLowerCase(java.util.Locale.ROOT), year,
				number);
	}

	/** The canonical text form, as accepted by {@link #parse(String)}. */
	@Override
	public String toString() {
		return switch (kind) {
			case YEAR -> Integer.toString(year);
			case QUARTER -> year + "-Q" + number;
			case MONTH -> String.format("%d-%02d", year, number);
		};
	}

}
