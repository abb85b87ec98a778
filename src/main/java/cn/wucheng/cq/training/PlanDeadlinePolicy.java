package cn.wucheng.cq.training;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.Set;

import cn.wucheng.cq.calendar.WorkingDays;

/**
 * each directly-affiliated squad submits its annual training plan by 31 January; the legal section coordinates
 * all plans by the end of February. Both are day-of-month deadlines, so R-27 moves one that falls on a non-working
 * day to the next working day (by default): 31 January 2025 is in the Spring Festival holiday, so 2025's plans are
 * due on 5 February.
 */
public record PlanDeadlinePolicy(int year, LocalDate submitBy, LocalDate coordinateBy) {

	public static PlanDeadlinePolicy of(int year, WorkingDays workingDays) {
		return new PlanDeadlinePolicy(year, workingDays.dayOfMonthDeadline(YearMonth.of(year, 1), 31),
				workingDays.dayOfMonthDeadline(YearMonth.of(year, 2), 31));
	}

	/**
	 * The flags of a squad's plan of the year on {@code today}.
	 * @param exists whether the squad has a plan at all (a draft counts as existing, not as submitted)
	 * @param firstSubmittedOn when it was first submitted, or null (a later resubmission after a request for changes
	 *     does not make a plan late)
	 * @param coordinatedOn when the legal section coordinated it, or null
	 */
	public Set<PlanFlag> flags(boolean exists, LocalDate firstSubmittedOn, LocalDate coordinatedOn, LocalDate today) {
		Set<PlanFlag> flags = EnumSet.noneOf(PlanFlag.class);
		if (firstSubmittedOn != null) {
			if (firstSubmittedOn.isAfter(submitBy)) {
				flags.add(PlanFlag.SUBMITTED_LATE);
			}
		}
		else if (today.isAfter(submitBy)) {
			flags.add(PlanFlag.NOT_SUBMITTED);
		}
		if (!exists) {
			return flags;
		}
		if (coordinatedOn != null) {
			if (coordinatedOn.isAfter(coordinateBy)) {
				flags.add(PlanFlag.COORDINATED_LATE);
			}
		}
		else if (today.isAfter(coordinateBy)) {
			flags.add(PlanFlag.NOT_COORDINATED);
		}
		return flags;
	}

}
