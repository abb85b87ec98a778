package cn.wucheng.cq.supervision.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.wucheng.cq.calendar.WorkingDays;
import cn.wucheng.cq.organisation.UnitType;
import cn.wucheng.cq.rollout.Rollout;
import cn.wucheng.cq.rollout.RolloutBatch;

/**
 * The deadlines of the key tasks on a day: a one-off date of the year and a monthly day are day-of-month
 * deadlines, moved to the next working day by R-27 ({@link WorkingDays#dayOfMonthDeadline}); a task per squad category
 * ends with the rollout batches of the year — of the latest year with batches when the year has none (the
 * rollout is then over); a long-term task has none.
 */
@Component
class TaskDeadlines {

	/** One squad category's window of a task per category. */
	record CategoryWindow(UnitType category, LocalDate from, LocalDate to) {
	}

	/** A task's deadline on a day: {@code due} (null when long-term) and, per category, the windows. */
	record Deadline(LocalDate due, List<CategoryWindow> windows) {

		boolean passed(LocalDate today) {
			return due != null && today.isAfter(due);
		}

	}

	private final WorkingDays workingDays;

	private final Rollout rollout;

	TaskDeadlines(WorkingDays workingDays, Rollout rollout) {
		this.workingDays = workingDays;
		this.rollout = rollout;
	}

	/** The deadline that matters on {@code today}: this year's date, this month's day, the batches' last end. */
	Deadline of(SupervisionTask task, LocalDate today) {
		return of(task, today, rollout.batches());
	}

	Deadline of(SupervisionTask task, LocalDate today, List<RolloutBatch> batches) {
		return switch (task.getDeadlineKind()) {
			case ONE_OFF -> new Deadline(oneOff(task, today.getYear()), List.of());
			case MONTHLY -> new Deadline(monthly(task, YearMonth.from(today)), List.of());
			case PER_SQUAD_CATEGORY -> perCategory(today.getYear(), batches);
			case LONG_TERM -> new Deadline(null, List.of());
		};
	}

	LocalDate oneOff(SupervisionTask task, int year) {
		return workingDays.dayOfMonthDeadline(YearMonth.of(year, task.getDueMonth()), task.getDueDay());
	}

	LocalDate monthly(SupervisionTask task, YearMonth month) {
		return workingDays.dayOfMonthDeadline(month, task.getDueDay());
	}

	/** a report is due by the end of its month (31 July, 31 December), moved by R-27. */
	LocalDate dueOfReport(cn.wucheng.cq.supervision.ReportKind kind, int year) {
		return workingDays.dayOfMonthDeadline(YearMonth.of(year, kind.dueMonth()), 31);
	}

	/** the month's review meeting is due by the 25th (moved by R-27). */
	LocalDate meetingDue(YearMonth month) {
		return workingDays.dayOfMonthDeadline(month, 25);
	}

	private static Deadline perCategory(int year, List<RolloutBatch> batches) {
		int batchYear = batches.stream()
			.mapToInt(RolloutBatch::batchYear)
			.filter(y -> y <= year)
			.max()
			.orElse(batches.stream().mapToInt(RolloutBatch::batchYear).min().orElse(year));
		List<CategoryWindow> windows = new ArrayList<>();
		batches.stream()
			.filter(b -> b.batchYear() == batchYear)
			.sorted(Comparator.comparing(RolloutBatch::startsOn))
			.forEach(b -> windows.add(new CategoryWindow(b.unitType(), b.startsOn(), b.endsOn())));
		LocalDate due = windows.stream().map(CategoryWindow::to).max(Comparator.naturalOrder()).orElse(null);
		return new Deadline(due, List.copyOf(windows));
	}

}
