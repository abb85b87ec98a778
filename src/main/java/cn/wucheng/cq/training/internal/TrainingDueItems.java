package cn.wucheng.cq.training.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.wucheng.cq.reminders.DueItem;
import cn.wucheng.cq.reminders.DueItemSource;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.security.Role;
import cn.wucheng.cq.training.PlanDeadlinePolicy;
import cn.wucheng.cq.training.PlanFlag;
import cn.wucheng.cq.training.TrainingOverview;

/**
 * What training asks of whom (reminders): a directly-affiliated squad whose annual plan is still not submitted after
 * the deadline of 31 January (R-60, moved by R-27) — for the legal section and that squad's leader; an officer behind
 * his training hours for the point of the year — for the officer himself. One query each, via
 * {@link TrainingOverview}.
 */
@Component
class TrainingDueItems implements DueItemSource {

	private final TrainingOverview overview;

	TrainingDueItems(TrainingOverview overview) {
		this.overview = overview;
	}

	@Override
	public List<DueItem> dueFor(CurrentUser user, LocalDate today) {
		int year = today.getYear();
		if (user.role() == Role.LEGAL || user.role() == Role.SQUAD_LEADER) {
			PlanDeadlinePolicy deadlines = overview.deadlines(year);
			List<DueItem> items = new ArrayList<>();
			for (TrainingOverview.SquadPlan plan : overview.plans(year, user, today)) {
				if (plan.flags().contains(PlanFlag.NOT_SUBMITTED)) {
					items.add(new DueItem("reminders.training.planMissing",
							List.of(plan.unitName(), Integer.toString(year), deadlines.submitBy().toString()),
							"/training/plans?year=" + year, deadlines.submitBy(), true));
				}
			}
			return items;
		}
		if (user.role() == Role.OFFICER && user.personId() != null) {
			TrainingOverview.HoursReport report = overview.hours(year, user, today);
			return report.officers()
				.stream()
				.filter(TrainingOverview.OfficerHours::behind)
				.map(o -> new DueItem("reminders.training.hoursBehind",
						List.of(plain(o.hours()), plain(report.expected()), plain(report.required())),
						"/training/hours?year=" + year, LocalDate.of(year, 12, 31), false))
				.toList();
		}
		return List.of();
	}

	private static String plain(BigDecimal d) {
		return d.stripTrailingZeros().toPlainString();
	}

}
