package cn.wucheng.cq.supervision;

import java.time.LocalDate;

/** The two reports of R-72 the system drafts for the legal section. */
public enum ReportKind {

	/** 中期评估报告, due by 31 July; covers 1 January – 30 June. */
	MID_TERM("中期评估报告", "mid-term", 7, 6),
	/** 工作总结, due by 31 December; covers the year. */
	ANNUAL("工作总结", "annual", 12, 12);

	private final String label;

	private final String slug;

	private final int dueMonth;

	private final int lastMonthCovered;

	ReportKind(String label, String slug, int dueMonth, int lastMonthCovered) {
		this.label = label;
		this.slug = slug;
		this.dueMonth = dueMonth;
		this.lastMonthCovered = lastMonthCovered;
	}

	public String label() {
		return label;
	}

	/** The name in URLs. */
	public String slug() {
		return slug;
	}

	/** The month whose end is the deadline (before R-27 moves it). */
	public int dueMonth() {
		return dueMonth;
	}

	/** The first day of the period the report covers. */
	public LocalDate from(int year) {
		return LocalDate.of(year, 1, 1);
	}

	/** The last day of the period the report covers. */
	public LocalDate to(int year) {
		return java.time.YearMonth.of(year, lastMonthCovered).atEndOfMonth();
	}

	public static java.util.Optional<ReportKind> fromSlug(String slug) {
		return java.util.Arrays.stream(values()).filter(k -> k.slug.equals(slug)).findFirst();
	}

}
