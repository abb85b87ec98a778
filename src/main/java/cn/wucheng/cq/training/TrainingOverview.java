package cn.wucheng.cq.training;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.wucheng.cq.calendar.WorkingDays;
import cn.wucheng.cq.organisation.UnitType;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.settings.RuleSetting;
import cn.wucheng.cq.settings.RuleSettings;

/**
 * The training results other modules and the pages read, each in one SQL pass and within the user's data scope:
 * every directly-affiliated squad's plan of a year with its R-60 flags, and every formal officer's training hours
 * of a year against R-62.
 */
@Service
public class TrainingOverview {

	/** A squad's plan of a year; {@code planId} and {@code status} are null when the squad has none. */
	public record SquadPlan(long unitId, String unitName, Long planId, PlanStatus status, LocalDate firstSubmittedOn,
			LocalDate coordinatedOn, int items, BigDecimal hours, Set<PlanFlag> flags) {

		public boolean exists() {
			return planId != null;
		}

	}

	/**
	 * One formal officer's hours of a year; the unit is the one on the day judged. {@code hours} is
	 * the sum of {@code bySource} (every source counts); {@code sessions} counts the sessions of every organiser he
	 * attended, not his external training.
	 */
	public record OfficerHours(long personId, String employeeNo, String name, long unitId, String unitName,
			UnitType unitType, BigDecimal hours, int sessions, boolean behind, BigDecimal shortfall,
			boolean complete, Map<TrainingSource, BigDecimal> bySource) {

		public OfficerHours {
			EnumMap<TrainingSource, BigDecimal> copy = new EnumMap<>(TrainingSource.class);
			copy.putAll(bySource);
			bySource = Collections.unmodifiableMap(copy);
		}

		/** The hours from one source, 0 when none. */
		public BigDecimal hoursFrom(TrainingSource source) {
			return bySource.getOrDefault(source, BigDecimal.ZERO);
		}

	}

	/** Every officer's hours of a year on {@code asOf}, with the requirement and what is expected by then. */
	public record HoursReport(int year, LocalDate asOf, BigDecimal required, BigDecimal expected,
			List<OfficerHours> officers) {
	}

	private static final String PLANS = """
			select u.id as unit_id, u.name as unit_name, p.id as plan_id, p.status, p.first_submitted_on,
			       p.coordinated_on, coalesce(i.n, 0) as items, coalesce(i.h, 0) as hours
			from unit u
			left join training_plan p on p.unit_id = u.id and p.plan_year = :year
			left join (select plan_id, count(*) as n, sum(hours) as h from training_plan_item group by plan_id) i
			       on i.plan_id = p.id
			where (u.type = 'DIRECT_SQUAD' or p.id is not null) and (:unit = 0 or u.id = :unit)
			order by u.name
			""";

	/**
	 * Unit on the day judged: the history row with the latest valid_from on or before it, or — for someone who
	 * joined later — the earliest row; person.unit_id when there is no history (as CaseStandards does). Hours (R-62,
	 * every source counts): the sessions of the year of every organiser — a squad's plan, the bureau, 法制科 — the
	 * officer signed in to in person (a row recording a substitution is never his), and his external training of
	 * the year; summed per source in the same pass.
	 */
	private static final String HOURS = """
			select p.id as person_id, p.employee_no, p.name, u.id as unit_id, u.name as unit_name, u.type as unit_type,
			       coalesce(h.hours, 0) as hours, coalesce(h.sessions, 0) as sessions,
			       coalesce(h.squad_hours, 0) as squad_hours, coalesce(h.bureau_hours, 0) as bureau_hours,
			       coalesce(h.legal_hours, 0) as legal_hours, coalesce(h.external_hours, 0) as external_hours
			from person p
			left join (
			    select r.person_id, r.unit_id
			    from (select hi.person_id, hi.unit_id,
			                 row_number() over (partition by hi.person_id
			                     order by case when hi.valid_from <= :unitDay then 0 else 1 end,
			                              case when hi.valid_from <= :unitDay then hi.valid_from end desc,
			                              hi.valid_from) as rn
			          from person_unit_history hi) r
			    where r.rn = 1) ue on ue.person_id = p.id
			join unit u on u.id = coalesce(ue.unit_id, p.unit_id)
			left join (
			    select x.person_id, sum(x.hours) as hours, sum(x.session) as sessions,
			           sum(case when x.source = 'SQUAD' then x.hours else 0 end) as squad_hours,
			           sum(case when x.source = 'BUREAU' then x.hours else 0 end) as bureau_hours,
			           sum(case when x.source = 'LEGAL' then x.hours else 0 end) as legal_hours,
			           sum(case when x.source = 'EXTERNAL' then x.hours else 0 end) as external_hours
			    from (select a.person_id, s.organiser as source, s.hours, 1 as session
			          from training_attendee a
			          join training_session s on s.id = a.session_id
			          where s.held_on between :yearStart and :yearEnd and a.signed_in = true and a.replaces_id is null
			          union all
			          select e.person_id, 'EXTERNAL', e.hours, 0
			          from external_training e
			          where e.trained_on between :yearStart and :yearEnd) x
			    group by x.person_id) h on h.person_id = p.id
			where p.category = 'FORMAL' and (:unit = 0 or u.id = :unit) and (:person = 0 or p.id = :person)
			""";

	/** Squads first (直属, 一类, 二类), then organ units; by unit name and 工号 within. */
	private static final Comparator<OfficerHours> BY_UNIT_THEN_NO = Comparator
		.comparing((OfficerHours o) -> o.unitType().ordinal())
		.thenComparing(OfficerHours::unitName)
		.thenComparing(OfficerHours::employeeNo);

	private final JdbcClient jdbc;

	private final WorkingDays workingDays;

	private final RuleSettings settings;

	TrainingOverview(JdbcClient jdbc, WorkingDays workingDays, RuleSettings settings) {
		this.jdbc = jdbc;
		this.workingDays = workingDays;
		this.settings = settings;
	}

	/** R-60's deadlines of a year, moved by the working-day calendar. */
	public PlanDeadlinePolicy deadlines(int year) {
		return PlanDeadlinePolicy.of(year, workingDays);
	}

	/** R-62 with the configured yearly hours. */
	public TrainingHoursPolicy hoursPolicy() {
		return new TrainingHoursPolicy(BigDecimal.valueOf(settings.integer(RuleSetting.TRAINING_HOURS_PER_YEAR)));
	}

	/**
	 * Every directly-affiliated squad the user may see with its plan of the year (or none) and the flags on
	 * {@code today}. A person-scoped user (an officer) sees none.
	 */
	public List<SquadPlan> plans(int year, CurrentUser user, LocalDate today) {
		if (user.personFilter().isPresent() || !(user.readsAll() || user.unitFilter().isPresent())) {
			return List.of();
		}
		PlanDeadlinePolicy deadlines = deadlines(year);
		Map<String, Object> params = new HashMap<>();
		params.put("year", year);
		params.put("unit", user.unitFilter().orElse(0L));
		return jdbc.sql(PLANS).params(params).query((rs, n) -> {
			Long planId = rs.getObject("plan_id") == null ? null : rs.getLong("plan_id");
			LocalDate submitted = date(rs.getDate("first_submitted_on"));
			LocalDate coordinated = date(rs.getDate("coordinated_on"));
			return new SquadPlan(rs.getLong("unit_id"), rs.getString("unit_name"), planId,
					planId == null ? null : PlanStatus.valueOf(rs.getString("status")), submitted, coordinated,
					rs.getInt("items"), rs.getBigDecimal("hours"),
					deadlines.flags(planId != null, submitted, coordinated, today));
		}).list();
	}

	/** Every formal officer the user may see with his hours of the year, judged on {@code today}. */
	public HoursReport hours(int year, CurrentUser user, LocalDate today) {
		TrainingHoursPolicy policy = hoursPolicy();
		LocalDate asOf = TrainingHoursPolicy.asOf(year, today);
		LocalDate yearStart = LocalDate.of(year, 1, 1);
		LocalDate yearEnd = LocalDate.of(year, 12, 31);
		if (!(user.readsAll() || user.unitFilter().isPresent() || user.personFilter().isPresent())) {
			return new HoursReport(year, asOf, policy.required(), policy.expectedBy(year, asOf), List.of());
		}
		Map<String, Object> params = new HashMap<>();
		params.put("unitDay", asOf.isBefore(yearStart) ? yearStart : asOf);
		params.put("yearStart", yearStart);
		params.put("yearEnd", yearEnd);
		params.put("unit", user.unitFilter().orElse(0L));
		params.put("person", user.personFilter().orElse(0L));
		List<OfficerHours> officers = jdbc.sql(HOURS).params(params).query((rs, n) -> {
			BigDecimal hours = rs.getBigDecimal("hours");
			Map<TrainingSource, BigDecimal> bySource = new EnumMap<>(TrainingSource.class);
			bySource.put(TrainingSource.SQUAD, rs.getBigDecimal("squad_hours"));
			bySource.put(TrainingSource.BUREAU, rs.getBigDecimal("bureau_hours"));
			bySource.put(TrainingSource.LEGAL, rs.getBigDecimal("legal_hours"));
			bySource.put(TrainingSource.EXTERNAL, rs.getBigDecimal("external_hours"));
			return new OfficerHours(rs.getLong("person_id"), rs.getString("employee_no"), rs.getString("name"),
					rs.getLong("unit_id"), rs.getString("unit_name"), UnitType.valueOf(rs.getString("unit_type")),
					hours, rs.getInt("sessions"), policy.isBehind(hours, year, asOf), policy.shortfall(hours),
					policy.isComplete(hours), bySource);
		}).list().stream().sorted(BY_UNIT_THEN_NO).toList();
		return new HoursReport(year, asOf, policy.required(), policy.expectedBy(year, asOf), officers);
	}

	private static LocalDate date(Date d) {
		return d == null ? null : d.toLocalDate();
	}

}
