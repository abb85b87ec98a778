package cn.wucheng.cq.training;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import cn.wucheng.cq.shared.Refusal;

/**
 * each formal officer completes at least {@code required} training hours (60 by default, setting
 * TRAINING_HOURS_PER_YEAR) per calendar year. Progress is judged against the point in the year: on {@code asOf} an
 * officer is behind when his hours are below {@code required × days elapsed / days in the year}, the days elapsed
 * counting 1 January to {@code asOf} inclusive. Decided exactly (hours × days in year &lt; required × days elapsed),
 * without rounding. For a past year {@code asOf} is 31 December, so behind means short of the full requirement.
 */
public record TrainingHoursPolicy(BigDecimal required) {

	public TrainingHoursPolicy {
		if (required == null || required.signum() < 0) {
			throw Refusal.of("training.hours.negativeRequirement");
		}
	}

	/** The day of {@code year} progress is judged on, given today: today clamped into the year. */
	public static LocalDate asOf(int year, LocalDate today) {
		LocalDate first = LocalDate.of(year, 1, 1);
		LocalDate last = LocalDate.of(year, 12, 31);
		return today.isBefore(first) ? first.minusDays(1) : today.isAfter(last) ? last : today;
	}

	/** Days of {@code year} elapsed on {@code asOf}, 1 January counted; 0 before the year. */
	public static long daysElapsed(int year, LocalDate asOf) {
		LocalDate first = LocalDate.of(year, 1, 1);
		if (asOf.isBefore(first)) {
			return 0;
		}
		LocalDate last = LocalDate.of(year, 12, 31);
		return ChronoUnit.DAYS.between(first, asOf.isAfter(last) ? last : asOf) + 1;
	}

	/** The hours an officer on schedule has by {@code asOf}, to two places (for display). */
	public BigDecimal expectedBy(int year, LocalDate asOf) {
		return required.multiply(BigDecimal.valueOf(daysElapsed(year, asOf)))
			.divide(BigDecimal.valueOf(LocalDate.of(year, 1, 1).lengthOfYear()), 2, RoundingMode.HALF_UP);
	}

	/** Whether {@code hours} are behind the schedule on {@code asOf}. */
	public boolean isBehind(BigDecimal hours, int year, LocalDate asOf) {
		BigDecimal have = hours.multiply(BigDecimal.valueOf(LocalDate.of(year, 1, 1).lengthOfYear()));
		BigDecimal need = required.multiply(BigDecimal.valueOf(daysElapsed(year, asOf)));
		return have.compareTo(need) < 0;
	}

	/** Hours still missing to the full year's requirement, never negative. */
	public BigDecimal shortfall(BigDecimal hours) {
		BigDecimal s = required.subtract(hours);
		return s.signum() > 0 ? s : BigDecimal.ZERO;
	}

	public boolean isComplete(BigDecimal hours) {
		return hours.compareTo(required) >= 0;
	}

}
