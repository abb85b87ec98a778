package cn.wucheng.cq.casework.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.wucheng.cq.casework.ListDeadlineStatus;
import cn.wucheng.cq.reminders.DueItem;
import cn.wucheng.cq.reminders.DueItemSource;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.security.Role;

/**
 * What casework has due, one {@link DueItemSource} per role concerned. Each answers with one or two queries. The
 * arguments are text: MessageFormat would write the year 2024 as "2,024".
 */
final class CaseworkDueItems {

	private CaseworkDueItems() {
	}

	/** the legal officer's simple cases to review today, and those overdue (当天案件当天审核完毕). */
	@Component
	static class SimpleCasesToReview implements DueItemSource {

		private final JdbcClient jdbc;

		SimpleCasesToReview(JdbcClient jdbc) {
			this.jdbc = jdbc;
		}

		@Override
		public List<DueItem> dueFor(CurrentUser user, LocalDate today) {
			if (user.role() != Role.LEGAL_OFFICER || user.unitId() == null) {
				return List.of();
			}
			List<DueItem> items = new ArrayList<>();
			jdbc.sql("""
					select sum(case when %1$s = :today then 1 else 0 end) as due_today,
					       sum(case when %1$s < :today then 1 else 0 end) as overdue
					from case_file c
					join unit_rollout ro on ro.unit_id = c.unit_id
					left join simple_review r on r.case_id = c.id
					where c.unit_id = :unit and c.category = 'SIMPLE' and r.id is null and %1$s <= :today
					  and (ro.starts_on is null or %1$s >= ro.starts_on)""".formatted(SimpleCases.CASE_DAY))
				.param("unit", user.unitId())
				.param("today", today)
				.query((rs, n) -> {
					long dueToday = rs.getLong("due_today");
					long overdue = rs.getLong("overdue");
					String link = "/casework/squads/" + user.unitId() + "/reviews";
					if (dueToday > 0) {
						items.add(new DueItem("casework.due.reviewToday", List.of(Long.toString(dueToday)), link, today, false));
					}
					if (overdue > 0) {
						items.add(new DueItem("casework.due.reviewOverdue", List.of(Long.toString(overdue)), link, null, true));
					}
					return 0;
				})
				.list();
			return items;
		}

	}

	/** the cases waiting for the squad reviewer's (leader's or deputy's) review opinion. */
	@Component
	static class OpinionsToWrite implements DueItemSource {

		private final SquadOpinions opinions;

		OpinionsToWrite(SquadOpinions opinions) {
			this.opinions = opinions;
		}

		@Override
		public List<DueItem> dueFor(CurrentUser user, LocalDate today) {
			if ((user.role() != Role.SQUAD_LEADER && user.role() != Role.OFFICER) || user.personId() == null) {
				return List.of();
			}
			long pending = opinions.countPendingFor(user.personId());
			return pending == 0 ? List.of()
					: List.of(new DueItem("casework.due.opinions", List.of(Long.toString(pending)),
							"/casework/opinions", null, false));
		}

	}

	/** the squad leader's list of last month, to sign and submit by the 15th. */
	@Component
	static class ListToSubmit implements DueItemSource {

		private final ReviewLists lists;

		ListToSubmit(ReviewLists lists) {
			this.lists = lists;
		}

		@Override
		public List<DueItem> dueFor(CurrentUser user, LocalDate today) {
			if (user.role() != Role.SQUAD_LEADER || user.unitId() == null) {
				return List.of();
			}
			YearMonth month = YearMonth.from(today).minusMonths(1);
			return lists.overview(month)
				.stream()
				.filter(r -> r.unitId() == user.unitId())
				.filter(r -> r.deadlineStatus() == ListDeadlineStatus.PENDING
						|| r.deadlineStatus() == ListDeadlineStatus.MISSING)
				.map(r -> new DueItem("casework.due.list", List.of(Integer.toString(month.getYear()),
						Integer.toString(month.getMonthValue()), Long.toString(r.cases()), Long.toString(r.unreviewed())), "/casework/squads/" + r.unitId() + "/lists/" + month,
						lists.deadline(month), r.deadlineStatus() == ListDeadlineStatus.MISSING))
				.toList();
		}

	}

	/** for 法制科, the squads whose list of the last month past its deadline is missing. */
	@Component
	static class LateLists implements DueItemSource {

		private final ReviewLists lists;

		LateLists(ReviewLists lists) {
			this.lists = lists;
		}

		@Override
		public List<DueItem> dueFor(CurrentUser user, LocalDate today) {
			if (user.role() != Role.LEGAL) {
				return List.of();
			}
			YearMonth month = YearMonth.from(today).minusMonths(1);
			if (!today.isAfter(lists.deadline(month))) {
				month = month.minusMonths(1);
			}
			YearMonth m = month;
			long missing = lists.overview(m)
				.stream()
				.filter(r -> r.deadlineStatus() == ListDeadlineStatus.MISSING)
				.count();
			return missing == 0 ? List.of()
					: List.of(new DueItem("casework.due.lateLists", List.of(Integer.toString(m.getYear()),
							Integer.toString(m.getMonthValue()), Long.toString(missing)),
							"/casework/lists?month=" + m, lists.deadline(m), true));
		}

	}

}
