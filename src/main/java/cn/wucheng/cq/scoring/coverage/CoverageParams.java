package cn.wucheng.cq.scoring.coverage;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Reads year and asOf with messages that say what is wrong (shared by the page). */
final class CoverageParams {

	private CoverageParams() {
	}

	static int year(String text) {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("缺少参数 year（年份，如 2024）");
		}
		try {
			int y = Integer.parseInt(text.trim());
			if (y >= 1900 && y <= 2999) {
				return y;
			}
		}
		catch (NumberFormatException e) {
			// fall through to the message below
		}
		throw new IllegalArgumentException("参数 year 须为四位年份（如 2024），收到: " + text.trim());
	}

	static LocalDate asOf(String text, int year, DomainCoverage coverage) {
		if (text == null || text.isBlank()) {
			return coverage.deadline(year);
		}
		LocalDate d;
		try {
			d = LocalDate.parse(text.trim());
		}
		catch (DateTimeParseException e) {
			throw new IllegalArgumentException("参数 asOf 须为日期（如 " + year + "-09-30），收到: " + text.trim());
		}
		if (d.getYear() != year) {
			throw new IllegalArgumentException("参数 asOf 须在 " + year + " 年内，收到: " + text.trim());
		}
		return d;
	}

}
