package cn.wucheng.cq.scoring.coverage;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import cn.wucheng.cq.shared.Refusal;

/** Reads year and asOf with messages that say what is wrong (shared by the page). */
final class CoverageParams {

	private CoverageParams() {
	}

	static int year(String text) {
		if (text == null || text.isBlank()) {
			throw Refusal.of("coverage.refused.yearMissing");
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
		throw Refusal.of("coverage.refused.year", text.trim());
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
			throw Refusal.of("coverage.refused.asOf", year, text.trim());
		}
		if (d.getYear() != year) {
			throw Refusal.of("coverage.refused.asOfYear", year, text.trim());
		}
		return d;
	}

}
