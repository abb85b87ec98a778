package cn.wucheng.cq.calendar.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * The month grids of a year for the calendar page: weeks from Monday to Sunday, each day marked as working day,
 * weekend, public holiday (法定节假日) or make-up working day (调休上班), with the number of working days per month.
 */
record CalendarGrid(int year, List<Month> months) {

	/** How a day shows. */
	enum Status {

		/** An ordinary working day. */
		WORKDAY(""),
		/** An ordinary Saturday or Sunday. */
		WEEKEND("text-body-secondary bg-body-tertiary"),
		/** A public holiday on a weekday. */
		HOLIDAY("text-bg-danger"),
		/** A weekend day that is worked. */
		MAKEUP("text-bg-warning");

		private final String css;

		Status(String css) {
			this.css = css;
		}

		public String css() {
			return css;
		}

	}

	/** One day of a grid; {@code date} is null for the blanks before the 1st and after the last day. */
	record Cell(LocalDate date, Status status, String name) {

		public boolean blank() {
			return date == null;
		}

	}

	record Month(int number, List<List<Cell>> weeks, long workingDays) {
	}

	/**
	 * @param exceptions the year's calendar exceptions by date
	 * @param workingDaysOf the working days of a month (from {@code WorkingDays}, so the grid and every deadline
	 *     count alike)
	 */
	static CalendarGrid of(int year, Map<LocalDate, CalendarDay> exceptions, ToLongFunction<YearMonth> workingDaysOf) {
		List<Month> months = new ArrayList<>();
		for (int m = 1; m <= 12; m++) {
			YearMonth month = YearMonth.of(year, m);
			List<List<Cell>> weeks = new ArrayList<>();
			List<Cell> week = new ArrayList<>();
			for (int i = 1; i < month.atDay(1).getDayOfWeek().getValue(); i++) {
				week.add(new Cell(null, Status.WORKDAY, null));
			}
			for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
				CalendarDay e = exceptions.get(d);
				week.add(new Cell(d, status(d, e), e == null ? null : e.getName()));
				if (d.getDayOfWeek() == DayOfWeek.SUNDAY) {
					weeks.add(week);
					week = new ArrayList<>();
				}
			}
			if (!week.isEmpty()) {
				while (week.size() < 7) {
					week.add(new Cell(null, Status.WORKDAY, null));
				}
				weeks.add(week);
			}
			months.add(new Month(m, weeks, workingDaysOf.applyAsLong(month)));
		}
		return new CalendarGrid(year, months);
	}

	private static Status status(LocalDate d, CalendarDay exception) {
		if (exception != null) {
			return exception.getKind().isWorked() ? Status.MAKEUP : Status.HOLIDAY;
		}
		return d.getDayOfWeek().getValue() >= 6 ? Status.WEEKEND : Status.WORKDAY;
	}

}
