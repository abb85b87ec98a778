package cn.wucheng.cq.recording;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Which gaps to read: dated within {@code from}–{@code to} (inclusive), optionally of one unit, one kind, one case.
 * The reader's data scope is applied on top.
 */
public record GapQuery(LocalDate from, LocalDate to, Long unitId, GapKind kind, Long caseId) {

	private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

	private static final LocalDate LATEST = LocalDate.of(2999, 12, 31);

	public GapQuery {
		from = from == null ? EARLIEST : from;
		to = to == null ? LATEST : to;
	}

	public static GapQuery year(int year) {
		return new GapQuery(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), null, null, null);
	}

	public static GapQuery month(YearMonth month) {
		return new GapQuery(month.atDay(1), month.atEndOfMonth(), null, null, null);
	}

	/** Every gap up to a day (open gaps, whenever dated). */
	public static GapQuery upTo(LocalDate day) {
		return new GapQuery(null, day, null, null, null);
	}

	public static GapQuery ofCase(long caseId) {
		return new GapQuery(null, null, null, null, caseId);
	}

	public GapQuery unit(Long unit) {
		return new GapQuery(from, to, unit, kind, caseId);
	}

	public GapQuery kind(GapKind k) {
		return new GapQuery(from, to, unitId, k, caseId);
	}

}
