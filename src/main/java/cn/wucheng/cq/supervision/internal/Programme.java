package cn.wucheng.cq.supervision.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.wucheng.cq.audit.AuditLog;
import cn.wucheng.cq.calendar.WorkingDays;
import cn.wucheng.cq.rollout.Rollout;
import cn.wucheng.cq.rollout.RolloutBatch;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.shared.Refusal;
import cn.wucheng.cq.shared.Refusals;
import cn.wucheng.cq.supervision.TaskStatus;

/**
 * the programme's leading group of a year (kept by the legal section, audited) and its one-off milestones,
 * tracked like the key tasks: a status set by the legal section, 逾期 when the deadline has passed on the
 * working-day calendar (R-27 moves a date that is not a working day, as for the tasks) and it is not done. Plain SQL:
 * two small tables read whole per year.
 */
@Service
class Programme {

	/** One member of the leading group. */
	record Member(LeadingGroupPosition position, String name) {
	}

	/** The leading group of a year; empty when none is recorded. */
	record LeadingGroup(int year, List<Member> members) {

		public Optional<String> leader() {
			return of(LeadingGroupPosition.LEADER).stream().findFirst();
		}

		public List<String> of(LeadingGroupPosition position) {
			return members.stream().filter(m -> m.position() == position).map(Member::name).toList();
		}

		public boolean isEmpty() {
			return members.isEmpty();
		}

	}

	/** A milestone of a year on a day: its window ({@code from} null for a single date), deadline and status. */
	record Milestone(int year, MilestoneKind kind, LocalDate from, LocalDate due, TaskStatus status, boolean overdue,
			String note, int version) {
	}

	private final JdbcClient jdbc;

	private final Rollout rollout;

	private final TaskDeadlines deadlines;

	private final WorkingDays workingDays;

	private final AuditLog audit;

	private final Refusals refusals;

	Programme(JdbcClient jdbc, Rollout rollout, TaskDeadlines deadlines, WorkingDays workingDays, AuditLog audit,
			Refusals refusals) {
		this.refusals = refusals;
		this.jdbc = jdbc;
		this.rollout = rollout;
		this.deadlines = deadlines;
		this.workingDays = workingDays;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	LeadingGroup group(int year) {
		return new LeadingGroup(year, jdbc.sql("""
				select position, name from programme_leading_group where group_year = :year order by sort_order""")
			.param("year", year)
			.query((rs, n) -> new Member(LeadingGroupPosition.valueOf(rs.getString("position")), rs.getString("name")))
			.list());
	}

	/**
	 * replaces the year's leading group (a 组长 and the office are required), audited with before and after.
	 * @throws Refusal when the 组长 or the office is missing
	 */
	@Transactional
	LeadingGroup replaceGroup(int year, LeadingGroupForm form, CurrentUser user) {
		List<Member> members = form.members();
		if (members.stream().noneMatch(m -> m.position() == LeadingGroupPosition.LEADER)) {
			throw Refusal.of("supervision.programme.leaderRequired");
		}
		if (members.stream().noneMatch(m -> m.position() == LeadingGroupPosition.OFFICE)) {
			throw Refusal.of("supervision.programme.officeRequired");
		}
		LeadingGroup before = group(year);
		jdbc.sql("delete from programme_leading_group where group_year = :year").param("year", year).update();
		int order = 0;
		for (Member m : members) {
			jdbc.sql("""
					insert into programme_leading_group (group_year, position, name, sort_order)
					values (:year, :position, :name, :order)""")
				.param("year", year)
				.param("position", m.position().name())
				.param("name", m.name())
				.param("order", ++order)
				.update();
		}
		LeadingGroup after = group(year);
		audit.record("PROGRAMME_LEADING_GROUP", "programme_leading_group", String.valueOf(year),
				refusals.message("supervision.programme.audit", year), text(before), text(after));
		return after;
	}

	private static String text(LeadingGroup g) {
		return g.members().stream().map(m -> m.position() + "=" + m.name()).collect(Collectors.joining("\n"));
	}

	/** the year's milestones in order, as on {@code today}. */
	@Transactional(readOnly = true)
	List<Milestone> milestones(int year, LocalDate today) {
		record Stored(LocalDate dueOn, TaskStatus status, String note, int version) {
		}
		Map<MilestoneKind, Stored> stored = new HashMap<>();
		jdbc.sql("""
				select kind, due_on, manual_status, status_note, version from programme_milestone
				where milestone_year = :year""")
			.param("year", year)
			.query(rs -> {
				stored.put(MilestoneKind.valueOf(rs.getString("kind")),
						new Stored(rs.getObject("due_on", LocalDate.class),
								TaskStatus.valueOf(rs.getString("manual_status")), rs.getString("status_note"),
								rs.getInt("version")));
			});
		List<RolloutBatch> batches = rollout.batches();
		List<Milestone> list = new ArrayList<>();
		for (MilestoneKind k : MilestoneKind.values()) {
			Stored s = stored.getOrDefault(k, new Stored(null, TaskStatus.NOT_STARTED, null, -1));
			LocalDate from = null;
			LocalDate due;
			if (k.batch().isPresent()) {
				Optional<RolloutBatch> b = batches.stream()
					.filter(x -> x.batchYear() == year && x.unitType() == k.batch().get())
					.findFirst();
				// a year without batches has no such stage (the rollout is over)
				if (b.isEmpty()) {
					continue;
				}
				from = b.get().startsOn();
				due = b.get().endsOn();
			}
			else if (k.report().isPresent()) {
				due = deadlines.dueOfReport(k.report().get(), year);
			}
			else {
				LocalDate day = s.dueOn() != null ? s.dueOn() : LocalDate.of(year, k.month(), k.day());
				due = workingDays.dayOfMonthDeadline(YearMonth.from(day), day.getDayOfMonth());
			}
			boolean overdue = s.status() != TaskStatus.DONE && today.isAfter(due);
			list.add(new Milestone(year, k, from, due, overdue ? TaskStatus.OVERDUE : s.status(), overdue, s.note(),
					s.version()));
		}
		return list;
	}

	/**
	 * the legal section sets a milestone's status (not 逾期, which the system decides), audited.
	 * @param shownVersion the version the form showed (-1: never set); another's change in between is refused
	 */
	@Transactional
	void setStatus(int year, MilestoneKind kind, int shownVersion, TaskStatus status, String note,
			CurrentUser user, LocalDate today) {
		if (status == null || status == TaskStatus.OVERDUE) {
			throw Refusal.of("supervision.milestone.badStatus");
		}
		String cleanNote = note == null || note.isBlank() ? null : note.strip();
		Optional<String> before = jdbc.sql("""
				select manual_status || coalesce(' ' || status_note, '') from programme_milestone
				where milestone_year = :year and kind = :kind""")
			.param("year", year)
			.param("kind", kind.name())
			.query(String.class)
			.optional();
		int changed = before.isEmpty()
				? jdbc.sql("""
						insert into programme_milestone (milestone_year, kind, manual_status, status_note, status_by,
						  status_on) values (:year, :kind, :status, :note, :by, :on) on conflict do nothing""")
					.param("year", year).param("kind", kind.name()).param("status", status.name())
					.param("note", cleanNote).param("by", user.username()).param("on", today)
					.update()
				: jdbc.sql("""
						update programme_milestone set manual_status = :status, status_note = :note, status_by = :by,
						  status_on = :on, version = version + 1
						where milestone_year = :year and kind = :kind and version = :version""")
					.param("year", year).param("kind", kind.name()).param("status", status.name())
					.param("note", cleanNote).param("by", user.username()).param("on", today)
					.param("version", shownVersion)
					.update();
		if (changed == 0) {
			throw new OptimisticLockingFailureException("milestone " + year + " " + kind + " changed meanwhile");
		}
		audit.record("PROGRAMME_MILESTONE_STATUS", "programme_milestone", year + "-" + kind.name(),
				refusals.message("supervision.milestone.audit", year, refusals.message(kind.messageKey()), status.label()),
				before.orElse(null), status.name() + (cleanNote == null ? "" : " " + cleanNote));
	}

}
