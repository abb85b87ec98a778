package cn.wucheng.cq.supervision;

import java.time.LocalDate;

import cn.wucheng.cq.shared.BundledText;

/** The two reports of R-72 the system drafts for the legal section. */
public enum ReportKind {

	/** 中期评估报告, due by 31 July; covers 1 January – 30 June. */
	MID_TERM("mid-term", 7, 6),
	/** 工作总结, due by 31 December; covers the year. */
	ANNUAL("annual", 12, 12);

	private final String slug;

	private final int dueMonth;

	private final int lastMonthCovered;

	ReportKind(String slug, int dueMonth, int lastMonthCovered) {
		this.slug = slug;
		this.dueMonth = dueMonth;
		this.lastMonthCovered = lastMonthCovered;
	}

	/** The report's name as users read it (messages-supervision.properties, supervision.reportKind.*). */
	public String label() {
		return BundledText.of("messages-supervision", "supervision.reportKind." + name());
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
