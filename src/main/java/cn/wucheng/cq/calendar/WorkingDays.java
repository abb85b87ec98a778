package cn.wucheng.cq.calendar;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.wucheng.cq.settings.RuleSetting;
import cn.wucheng.cq.settings.RuleSettings;
import cn.wucheng.cq.shared.DataCache;
import cn.wucheng.cq.shared.DataStamp;

/**
 * Working days: Monday–Friday, except the public holidays (法定节假日) of the calendar, plus its make-up working
 * days (调休上班). Every deadline counted in working days or given as a day of the month asks this bean.
 * <p>
 * The exceptions of a year are read in one query the first time the year is needed and kept under the data stamp
 * ({@link DataCache#CALENDAR_YEARS}): calendar_day is one of the tables whose committed changes raise it, so the next
 * question after an edit — made here, with plain SQL, or by another instance on the same database — reads the
 * committed calendar. Each question reads the stamp once, however many days it walks. A year without any row is
 * plain Monday–Friday.
 */
@Service
public class WorkingDays {

	private final JdbcClient jdbc;

	private final RuleSettings settings;

	private final DataStamp stamp;

	WorkingDays(JdbcClient jdbc, RuleSettings settings, DataStamp stamp) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.stamp = stamp;
	}

	public boolean isWorkingDay(LocalDate date) {
		return calendar().isWorkingDay(date);
	}

	/**
	 * The calendar as one question sees it: each year it walks into is looked up once (one read of the stamp and the
	 * cache per year, not per day).
	 */
	private Calendar calendar() {
		return new Calendar(new HashMap<>());
	}

	private final class Calendar {

		private final Map<Integer, Map<LocalDate, DayKind>> years;

		Calendar(Map<Integer, Map<LocalDate, DayKind>> years) {
			this.years = years;
		}

		boolean isWorkingDay(LocalDate date) {
			DayKind exception = years.computeIfAbsent(date.getYear(), WorkingDays.this::exceptions).get(date);
			return exception != null ? exception.isWorked() : !DayKind.isWeekend(date);
		}

	}

	/**
	 * The {@code n}-th working day after {@code start} (start itself not counted, whether or not it is a working
	 * day); {@code n = 0} gives {@code start}, a negative {@code n} counts backwards.
	 */
	public LocalDate addWorkingDays(LocalDate start, int n) {
		Calendar calendar = calendar();
		int step = n < 0 ? -1 : 1;
		LocalDate day = start;
		for (int left = Math.abs(n); left > 0;) {
			day = day.plusDays(step);
			if (calendar.isWorkingDay(day)) {
				left--;
			}
		}
		return day;
	}

	/** The first working day on or after a date. */
	public LocalDate nextWorkingDayFrom(LocalDate date) {
		Calendar calendar = calendar();
		LocalDate day = date;
		while (!calendar.isWorkingDay(day)) {
			day = day.plusDays(1);
		}
		return day;
	}

	/**
	 * a deadline given as a day of the month ("by the 15th"). A day beyond the month's length means its last
	 * day (the 31st of February is the 28th or 29th). When the day is not a working day it moves to the next working
	 * day, unless the legal section switched setting {@link RuleSetting#DEADLINE_MOVES_TO_NEXT_WORKING_DAY} off.
	 */
	public LocalDate dayOfMonthDeadline(YearMonth month, int day) {
		if (day < 1) {
			throw new IllegalArgumentException("a deadline day of the month is 1-31, not: " + day);
		}
		LocalDate date = month.atDay(Math.min(day, month.lengthOfMonth()));
		return settings.bool(RuleSetting.DEADLINE_MOVES_TO_NEXT_WORKING_DAY) ? nextWorkingDayFrom(date) : date;
	}

	/**
	 * The working days after {@code from} up to and including {@code to}, so that
	 * {@code workingDaysBetween(a, addWorkingDays(a, n)) == n}; negative when {@code to} is before {@code from}.
	 */
	public long workingDaysBetween(LocalDate from, LocalDate to) {
		if (to.isBefore(from)) {
			return -workingDaysBetween(to, from);
		}
		Calendar calendar = calendar();
		long count = 0;
		for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
			if (calendar.isWorkingDay(day)) {
				count++;
			}
		}
		return count;
	}

	/** The exceptions of a year (unmodifiable), as cached until the data changes. */
	public Map<LocalDate, DayKind> exceptions(int year) {
		return stamp.cached(DataCache.CALENDAR_YEARS, year, () -> load(year));
	}

	private Map<LocalDate, DayKind> load(int year) {
		Map<LocalDate, DayKind> m = new HashMap<>();
		// issue 16: the province's days (bureau_id null) and the bureau's own (the policy shows both); the bureau's
		// own day of a date, read last, overrides the province's
		jdbc.sql("select on_date, kind from calendar_day where on_date between ? and ? order by bureau_id nulls first")
			.params(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
			.query((rs, n) -> m.put(rs.getObject(1, LocalDate.class), DayKind.valueOf(rs.getString(2))))
			.list();
		return Collections.unmodifiableMap(m);
	}

}
