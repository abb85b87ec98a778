package cn.wucheng.cq.supervision.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.wucheng.cq.scoring.coverage.DomainCoverage;
import cn.wucheng.cq.scoring.coverage.SquadCoverage;
import cn.wucheng.cq.scoring.standards.CaseStandards;
import cn.wucheng.cq.scoring.standards.OfficerStandard;
import cn.wucheng.cq.shared.Period;
import cn.wucheng.cq.shared.Refusals;
import cn.wucheng.cq.supervision.TaskEvidence;
import cn.wucheng.cq.supervision.TaskStatus;
import cn.wucheng.cq.supervision.TaskStatusSource;
import cn.wucheng.cq.training.TrainingOverview.SquadPlan;
import cn.wucheng.cq.training.TrainingOverview;

/**
 * The task statuses the system can tell from what is on main today (R-70, 系统抓取): the case-handling standard of
 * squads (T01, R-32) and of organ officers (T02, R-33) in the last quarter ended, domain coverage (T03, R-34), the
 * directly-affiliated squads' training plans submitted (T13) and coordinated (T14, R-60), and the month's review
 * meeting (T16, R-72). The overdue flag is added by the task board from the deadline when a task is not done.
 */
@Component
@Order(100)
class BuiltInStatusSources implements TaskStatusSource {

	private final CaseStandards standards;

	private final DomainCoverage coverage;

	private final TrainingOverview training;

	private final MeetingRepository meetings;

	/** The notes' words. */
	private final Refusals text;

	BuiltInStatusSources(CaseStandards standards, DomainCoverage coverage, TrainingOverview training,
			MeetingRepository meetings, Refusals text) {
		this.text = text;
		this.standards = standards;
		this.coverage = coverage;
		this.training = training;
		this.meetings = meetings;
	}

	@Override
	public Optional<TaskEvidence> statusOf(String taskCode, LocalDate today) {
		return switch (taskCode) {
			case "T01" -> standard(today, true);
			case "T02" -> standard(today, false);
			case "T03" -> coverage(today);
			case "T13" -> plansSubmitted(today);
			case "T14" -> plansCoordinated(today);
			case "T16" -> meeting(today);
			default -> Optional.empty();
		};
	}

	/** The last quarter of today's year that has ended: every assessed officer met the standard, or who did not. */
	private Optional<TaskEvidence> standard(LocalDate today, boolean squads) {
		Period current = Period.quarterOf(today);
		if (current.number() == 1) {
			return Optional.of(new TaskEvidence(TaskStatus.IN_PROGRESS, text.message("supervision.evidence.noQuarterYet")));
		}
		Period quarter = Period.quarter(today.getYear(), current.number() - 1);
		List<OfficerStandard> rows = standards.forQuarter(quarter, SystemReader.BUREAU)
			.stream()
			.filter(s -> s.unitType().isSquad() == squads)
			.filter(s -> s.status().isAssessed())
			.toList();
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		long met = rows.stream().filter(s -> s.status().isMet()).count();
		String note = text.message("supervision.evidence.standard", quarter.label(), rows.size(), met, rows.size() - met);
		return Optional.of(new TaskEvidence(met == rows.size() ? TaskStatus.DONE : TaskStatus.IN_PROGRESS, note));
	}

	private Optional<TaskEvidence> coverage(LocalDate today) {
		int year = today.getYear();
		List<SquadCoverage> squads = coverage.coverage(year, today, SystemReader.BUREAU);
		if (squads.isEmpty()) {
			return Optional.empty();
		}
		long met = squads.stream().filter(s -> s.outcome().met()).count();
		String note = text.message("supervision.evidence.coverage", today, met, squads.size());
		return Optional.of(new TaskEvidence(met == squads.size() ? TaskStatus.DONE : TaskStatus.IN_PROGRESS, note));
	}

	private Optional<TaskEvidence> plansSubmitted(LocalDate today) {
		int year = today.getYear();
		List<SquadPlan> plans = training.plans(year, SystemReader.BUREAU, today);
		if (plans.isEmpty()) {
			return Optional.empty();
		}
		LocalDate due = training.deadlines(year).submitBy();
		long submitted = plans.stream().filter(p -> p.firstSubmittedOn() != null).count();
		long late = plans.stream().filter(p -> p.firstSubmittedOn() != null && p.firstSubmittedOn().isAfter(due)).count();
		String note = late > 0
				? text.message("supervision.evidence.plansSubmittedLate", year, submitted, plans.size(), due, late)
				: text.message("supervision.evidence.plansSubmitted", year, submitted, plans.size(), due);
		TaskStatus status = submitted == plans.size() ? TaskStatus.DONE
				: submitted > 0 ? TaskStatus.IN_PROGRESS : TaskStatus.NOT_STARTED;
		return Optional.of(new TaskEvidence(status, note));
	}

	private Optional<TaskEvidence> plansCoordinated(LocalDate today) {
		int year = today.getYear();
		List<SquadPlan> plans = training.plans(year, SystemReader.BUREAU, today);
		if (plans.isEmpty()) {
			return Optional.empty();
		}
		long coordinated = plans.stream().filter(p -> p.coordinatedOn() != null).count();
		String note = text.message("supervision.evidence.plansCoordinated", year, coordinated, plans.size(),
				training.deadlines(year).coordinateBy());
		TaskStatus status = coordinated == plans.size() ? TaskStatus.DONE
				: coordinated > 0 ? TaskStatus.IN_PROGRESS : TaskStatus.NOT_STARTED;
		return Optional.of(new TaskEvidence(status, note));
	}

	private Optional<TaskEvidence> meeting(LocalDate today) {
		YearMonth month = YearMonth.from(today);
		Optional<LocalDate> held = meetings.firstHeldIn(month.atDay(1), month.atEndOfMonth());
		return Optional.of(held
			.map(d -> new TaskEvidence(TaskStatus.DONE,
					text.message("supervision.evidence.meetingHeld", month.getYear(), month.getMonthValue(), d)))
			.orElseGet(() -> new TaskEvidence(TaskStatus.NOT_STARTED,
					text.message("supervision.evidence.noMeeting", month.getYear(), month.getMonthValue()))));
	}

}
