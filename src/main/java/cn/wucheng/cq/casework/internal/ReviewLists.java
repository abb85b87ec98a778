package cn.wucheng.cq.casework.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.wucheng.cq.audit.AuditLog;
import cn.wucheng.cq.calendar.WorkingDays;
import cn.wucheng.cq.casework.ListDeadlineStatus;
import cn.wucheng.cq.casework.ReviewListReturned;
import cn.wucheng.cq.casework.ReviewListStatus;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.security.Role;
import cn.wucheng.cq.shared.DataCache;
import cn.wucheng.cq.shared.DataStamp;
import cn.wucheng.cq.shared.Refusal;
import cn.wucheng.cq.shared.Refusals;

/**
 * the squad's monthly list of simple-case reviews (简易案件审核清单, attachment 2), signed by the squad leader and
 * submitted to 法制科 by the 15th of the next month (R-27: a non-working 15th moves to the next working day).
 */
@Service
public class ReviewLists {

	static final String ENTITY = "review_list";

	/** The day of the next month by which a list is due. */
	static final int DUE_DAY = 15;

	/** A squad's list of a month as its page shows it. */
	record MonthList(long unitId, String unitName, YearMonth month, Optional<ReviewList> list, List<ListRow> rows,
			LocalDate deadline, ListDeadlineStatus deadlineStatus, Optional<LocalDate> rolloutStart,
			boolean applies) {

		public ReviewListStatus status() {
			return list.map(ReviewList::getStatus).orElse(ReviewListStatus.DRAFT);
		}

		public long unreviewed() {
			return rows.stream().filter(r -> !r.reviewed()).count();
		}

		public Integer version() {
			return list.map(ReviewList::getVersion).orElse(null);
		}

	}

	/** One squad in the bureau's overview of a month (法制科). */
	public record SquadListRow(long unitId, String unitName, String unitType, long cases, long unreviewed,
			ReviewListStatus status, LocalDateTime signedAt, String signerName, LocalDateTime submittedAt,
			ListDeadlineStatus deadlineStatus, LocalDateTime returnedAt) {

		/** Returned by 法制科 and not submitted again yet. */
		public boolean returned() {
			return returnedAt != null && status != ReviewListStatus.SUBMITTED;
		}

	}

	private final JdbcClient jdbc;

	private final ReviewListRepository lists;

	private final SimpleCases simpleCases;

	private final WorkingDays workingDays;

	private final AuditLog audit;

	private final Refusals text;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final DataStamp stamp;

	ReviewLists(JdbcClient jdbc, ReviewListRepository lists, SimpleCases simpleCases, WorkingDays workingDays,
			AuditLog audit, Refusals text, Clock clock, ApplicationEventPublisher events, DataStamp stamp) {
		this.stamp = stamp;
		this.text = text;
		this.events = events;
		this.jdbc = jdbc;
		this.lists = lists;
		this.simpleCases = simpleCases;
		this.workingDays = workingDays;
		this.audit = audit;
		this.clock = clock;
	}

	/** R-41 with R-27: the 15th of the next month, moved to the next working day by default. */
	LocalDate deadline(YearMonth month) {
		return workingDays.dayOfMonthDeadline(month.plusMonths(1), DUE_DAY);
	}

	MonthList month(long unitId, String unitName, YearMonth month) {
		CaseworkScope.requireVisible(unitId, "squad");
		Optional<ReviewList> list = lists.findByUnitIdAndListYearAndListMonth(unitId, month.getYear(),
				month.getMonthValue());
		List<ListRow> rows = simpleCases.between(unitId, month.atDay(1), month.atEndOfMonth());
		Optional<LocalDate> start = simpleCases.rolloutStart(unitId);
		boolean applies = simpleCases.applies(unitId, month.atEndOfMonth());
		LocalDate deadline = deadline(month);
		ListDeadlineStatus ds = deadlineStatus(applies, rows.size(),
				list.map(ReviewList::judgedSubmission).orElse(null), deadline, LocalDate.now(clock));
		return new MonthList(unitId, unitName, month, list, rows, deadline, ds, start, applies);
	}

	static ListDeadlineStatus deadlineStatus(boolean applies, long cases, LocalDateTime submittedAt,
			LocalDate deadline, LocalDate today) {
		if (!applies) {
			return ListDeadlineStatus.NOT_APPLICABLE;
		}
		if (submittedAt != null) {
			return submittedAt.toLocalDate().isAfter(deadline) ? ListDeadlineStatus.LATE : ListDeadlineStatus.ON_TIME;
		}
		if (cases == 0) {
			return ListDeadlineStatus.NO_CASES;
		}
		return today.isAfter(deadline) ? ListDeadlineStatus.MISSING : ListDeadlineStatus.PENDING;
	}

	/** 中队长签字: refused while cases of the month are unreviewed, saying how many. */
	@Transactional
	ReviewList sign(long unitId, YearMonth month, Integer version) {
		CurrentUser user = CaseworkScope.requireOwn(unitId, Role.SQUAD_LEADER, "squad");
		requireApplies(unitId, month);
		ReviewList list = lists.findByUnitIdAndListYearAndListMonth(unitId, month.getYear(), month.getMonthValue())
			.orElseGet(() -> new ReviewList(unitId, month));
		checkVersion(list, version);
		String before = list.describe(text);
		List<ListRow> rows = simpleCases.between(unitId, month.atDay(1), month.atEndOfMonth());
		int unreviewed = (int) rows.stream().filter(r -> !r.reviewed()).count();
		list.sign(user.username(), user.displayName(), LocalDateTime.now(clock), unreviewed, rows.size());
		ReviewList saved = lists.save(list);
		audit.record("REVIEW_LIST_SIGNED", ENTITY, key(unitId, month),
				"R-41 " + text.message("casework.audit.listCases", rows.size()), before,
				saved.describe(text));
		return saved;
	}

	/** 报送法制科: a signed list only. */
	@Transactional
	ReviewList submit(long unitId, YearMonth month, Integer version) {
		CurrentUser user = CaseworkScope.requireOwn(unitId, Role.SQUAD_LEADER, "squad");
		requireApplies(unitId, month);
		ReviewList list = lists.findByUnitIdAndListYearAndListMonth(unitId, month.getYear(), month.getMonthValue())
			.orElseGet(() -> new ReviewList(unitId, month));
		checkVersion(list, version);
		String before = list.describe(text);
		list.submit(user.username(), LocalDateTime.now(clock));
		ReviewList saved = lists.save(list);
		boolean late = saved.judgedSubmission().toLocalDate().isAfter(deadline(month));
		audit.record("REVIEW_LIST_SUBMITTED", ENTITY, key(unitId, month),
				late ? "R-41 " + text.message("casework.audit.listLate") : "R-41", before,
				saved.describe(text));
		return saved;
	}

	/**
	 * 退回 by 法制科: a submitted list goes back to the squad with the reason; its leader and legal officer
	 * hear of it in the message centre. Lateness stays judged by the first submission once the list is resubmitted
	 * (until then it counts as not submitted, so the squad leader's reminder chases it).
	 */
	@Transactional
	ReviewList returnList(long unitId, YearMonth month, Integer version, String reason) {
		CaseworkScope.requireVisible(unitId, "squad");
		CurrentUser user = CurrentUser.get();
		if (user.role() != Role.LEGAL) {
			throw new org.springframework.security.access.AccessDeniedException("only the legal section returns a list");
		}
		ReviewList list = lists.findByUnitIdAndListYearAndListMonth(unitId, month.getYear(), month.getMonthValue())
			.orElseThrow(() -> Refusal.of("casework.list.returnNotSubmitted"));
		checkVersion(list, version);
		String before = list.describe(text);
		list.returnToSquad(user.username(), user.displayName(), LocalDateTime.now(clock), reason);
		ReviewList saved = lists.save(list);
		String unitName = unitName(unitId);
		audit.record("REVIEW_LIST_RETURNED", ENTITY, unitName + " " + month,
				"R-41 " + text.message("casework.audit.listReturned", saved.getReturnReason()),
				before, saved.describe(text));
		events.publishEvent(new ReviewListReturned(unitId, unitName, month.getYear(), month.getMonthValue(),
				saved.getReturnReason()));
		return saved;
	}

	private void requireApplies(long unitId, YearMonth month) {
		if (!simpleCases.applies(unitId, month.atEndOfMonth())) {
			throw Refusal.of("casework.refused.listBeforeRollout", month.getYear(), month.getMonthValue());
		}
	}

	private static void checkVersion(ReviewList list, Integer version) {
		if (!Objects.equals(version, list.getVersion())) {
			throw new OptimisticLockingFailureException("review_list changed since the page was shown");
		}
	}

	private String key(long unitId, YearMonth month) {
		return unitName(unitId) + " " + month;
	}

	private String unitName(long unitId) {
		return jdbc.sql("select name from unit where id = ?").param(unitId).query(String.class).single();
	}

	/**
	 * The bureau's overview of a month (法制科; 督查科 and 局领导 read): every squad with its number of simple cases,
	 * unreviewed ones, list status and whether it came on time, late or not at all. One query.
	 */
	public List<SquadListRow> overview(YearMonth month) {
		LocalDate today = LocalDate.now(clock);
		// kept under the data stamp per month and day: the comparison of bureaus asks for each bureau's months five
		// times (the dashboard's quarter, the task board's due lists), four of them different
		return stamp.cached(DataCache.CASEWORK, new OverviewKey(month, today), () -> overview(month, today));
	}

	private record OverviewKey(YearMonth month, LocalDate today) {
	}

	private List<SquadListRow> overview(YearMonth month, LocalDate today) {
		LocalDate from = month.atDay(1);
		LocalDate to = month.atEndOfMonth();
		LocalDate deadline = deadline(month);
		return List.copyOf(jdbc.sql("""
				select u.id, u.name, u.type, ro.starts_on,
				       coalesce(k.cases, 0) as cases, coalesce(k.unreviewed, 0) as unreviewed,
				       l.status, l.signed_at, l.signer_name, l.submitted_at, l.returned_at,
				       case when l.submitted_at is null then null
				            else coalesce(l.first_submitted_at, l.submitted_at) end as judged_at
				from unit u
				join unit_rollout ro on ro.unit_id = u.id
				left join (
				    select c.unit_id, count(*) as cases, sum(case when r.id is null then 1 else 0 end) as unreviewed
				    from case_file c
				    join unit_rollout cr on cr.unit_id = c.unit_id
				    left join simple_review r on r.case_id = c.id
				    where c.category = 'SIMPLE' and c.concluded_on_effective between :from and :to
				      and (cr.starts_on is null or %1$s >= cr.starts_on)
				    group by c.unit_id) k on k.unit_id = u.id
				left join review_list l on l.unit_id = u.id and l.list_year = :y and l.list_month = :m
				where u.type in ('DIRECT_SQUAD', 'CLASS1_SQUAD', 'CLASS2_SQUAD')
				order by u.type, u.name""".formatted(SimpleCases.CASE_DAY))
			.param("from", from)
			.param("to", to)
			.param("y", month.getYear())
			.param("m", month.getMonthValue())
			.query((rs, n) -> {
				LocalDate start = rs.getObject("starts_on", LocalDate.class);
				boolean applies = start == null || !to.isBefore(start);
				LocalDateTime submitted = rs.getObject("submitted_at", LocalDateTime.class);
				LocalDateTime judged = rs.getObject("judged_at", LocalDateTime.class);
				long cases = rs.getLong("cases");
				String status = rs.getString("status");
				return new SquadListRow(rs.getLong("id"), rs.getString("name"), rs.getString("type"), cases,
						rs.getLong("unreviewed"), status == null ? ReviewListStatus.DRAFT : ReviewListStatus.valueOf(status),
						rs.getObject("signed_at", LocalDateTime.class), rs.getString("signer_name"), submitted,
						deadlineStatus(applies, cases, judged, deadline, today),
						rs.getObject("returned_at", LocalDateTime.class));
			})
			.list());
	}

}
