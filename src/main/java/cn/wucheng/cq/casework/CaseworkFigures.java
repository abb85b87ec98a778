package cn.wucheng.cq.casework;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.wucheng.cq.casework.internal.ReviewLists;

/**
 * Read API for the dashboard, the task list and the reports: per squad, the simple cases of a period reviewed by the
 * legal officer and reviewed on the case day (R-40, 当天案件当天审核完毕), and the monthly lists submitted on time, late or
 * not at all. Only cases from each squad's rollout start count. Set-based: one query for the reviews,
 * one per month for the lists.
 */
@Service
@Transactional(readOnly = true)
public class CaseworkFigures {

	/** The day a simple case belongs to: its decision (conclusion) day, or its filing day when that is missing. */
	public static final String CASE_DAY = "coalesce(c.concluded_on, c.filed_on)";

	/**
	 * One squad's figures over a period.
	 * @param simpleCases simple cases of the period from the squad's rollout start
	 * @param reviewed of those, reviewed by the legal officer
	 * @param sameDay of those, reviewed on the case day or before
	 * @param listsDue months of the period whose list deadline has passed and that had cases to list
	 */
	public record SquadFigures(long unitId, long simpleCases, long reviewed, long sameDay, int listsDue,
			int listsOnTime, int listsLate, int listsMissing) {

		static SquadFigures none(long unitId) {
			return new SquadFigures(unitId, 0, 0, 0, 0, 0, 0, 0);
		}

	}

	private final JdbcClient jdbc;

	private final ReviewLists lists;

	CaseworkFigures(JdbcClient jdbc, ReviewLists lists) {
		this.jdbc = jdbc;
		this.lists = lists;
	}

	/** Every squad with simple cases or lists in the period, by unit id. */
	public Map<Long, SquadFigures> forPeriod(LocalDate from, LocalDate to) {
		Map<Long, SquadFigures> byUnit = new HashMap<>();
		jdbc.sql("""
				select c.unit_id, count(*) as cases,
				       sum(case when r.id is null then 0 else 1 end) as reviewed,
				       sum(case when r.id is not null and r.reviewed_on <= %1$s then 1 else 0 end) as same_day
				from case_file c
				join unit_rollout ro on ro.unit_id = c.unit_id
				left join simple_review r on r.case_id = c.id
				where c.category = 'SIMPLE' and %1$s between :from and :to
				  and (ro.starts_on is null or %1$s >= ro.starts_on)
				group by c.unit_id""".formatted(CASE_DAY))
			.param("from", from)
			.param("to", to)
			.query(rs -> {
				long unit = rs.getLong("unit_id");
				byUnit.put(unit, new SquadFigures(unit, rs.getLong("cases"), rs.getLong("reviewed"),
						rs.getLong("same_day"), 0, 0, 0, 0));
			});
		for (YearMonth m = YearMonth.from(from); !m.atDay(1).isAfter(to); m = m.plusMonths(1)) {
			List<ReviewLists.SquadListRow> month = lists.overview(m);
			for (ReviewLists.SquadListRow row : month) {
				ListDeadlineStatus s = row.deadlineStatus();
				boolean due = s == ListDeadlineStatus.ON_TIME || s == ListDeadlineStatus.LATE
						|| s == ListDeadlineStatus.MISSING;
				if (!due) {
					continue;
				}
				SquadFigures f = byUnit.getOrDefault(row.unitId(), SquadFigures.none(row.unitId()));
				byUnit.put(row.unitId(), new SquadFigures(f.unitId(), f.simpleCases(), f.reviewed(), f.sameDay(),
						f.listsDue() + 1, f.listsOnTime() + (s == ListDeadlineStatus.ON_TIME ? 1 : 0),
						f.listsLate() + (s == ListDeadlineStatus.LATE ? 1 : 0),
						f.listsMissing() + (s == ListDeadlineStatus.MISSING ? 1 : 0)));
			}
		}
		return byUnit;
	}

}
