package cn.wucheng.cq.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** What an exception of the working-day calendar says about its date. */
public enum DayKind {

	/** 法定节假日: a weekday (Monday–Friday) that is not worked. */
	HOLIDAY,
	/** 调休上班: a Saturday or Sunday that is worked. */
	MAKEUP_WORKDAY;

	/** Whether the date can carry this kind: a holiday must be a weekday, a make-up working day a weekend day. */
	public boolean fits(LocalDate date) {
		return isWeekend(date) == (this == MAKEUP_WORKDAY);
	}

	public boolean isWorked() {
		return this == MAKEUP_WORKDAY;
	}

	static boolean isWeekend(LocalDate date) {
		DayOfWeek d = date.getDayOfWeek();
		return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY;
	}

}
