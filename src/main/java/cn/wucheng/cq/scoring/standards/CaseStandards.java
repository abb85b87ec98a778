package cn.wucheng.cq.scoring.standards;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.wucheng.cq.organisation.Sex;
import cn.wucheng.cq.organisation.UnitType;
import cn.wucheng.cq.scoring.QuarterSnapshots;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.settings.RuleSetting;
import cn.wucheng.cq.settings.RuleSettings;
import cn.wucheng.cq.shared.DataCache;
import cn.wucheng.cq.shared.DataStamp;
import cn.wucheng.cq.shared.Period;

/**
 * The case-handling standard of a quarter for every formal officer (R-32 for squads, R-33 for organ units), computed
 * in one SQL pass: each officer's unit on the last day of the quarter and his simple / ordinary cases concluded
 * in the quarter as lead or co-handler, then the policies decide. The quarter's cases are read once, each
 * counted for its lead and its co-handler (a two-row cross join), not scanned once per role (province-scale issue).
 */
@Service
public class CaseStandards {

	/**
	 * Unit on the quarter's last day: the history row with the latest valid_from on or before it, or — for someone
	 * who joined later — the earliest row; person.unit_id when there is no history at all.
	 */
	private static final String SQL = """
			select p.id as person_id, p.employee_no, p.name, p.sex, p.birth_date,
			       u.id as unit_id, u.name as unit_name, u.type as unit_type,
			       coalesce(d.simple_done, 0) as simple_done, coalesce(d.ordinary_done, 0) as ordinary_done,
			       ro.starts_on as rollout_starts_on, ro.batch_ends_on as rollout_batch_ends_on,
			       ex.reason as exemption_reason
			from person p
			join unit u on u.id = coalesce(
			    (select h.unit_id from person_unit_history h where h.person_id = p.id and h.valid_from <= :quarterEnd
			       order by h.valid_from desc fetch first 1 rows only),
			    (select h.unit_id from person_unit_history h where h.person_id = p.id
			       order by h.valid_from fetch first 1 rows only),
			    p.unit_id)
			left join (
			    select hc.person_id,
			           sum(case when hc.category = 'SIMPLE' then 1 else 0 end) as simple_done,
			           sum(case when hc.category = 'SIMPLE' then 0 else 1 end) as ordinary_done
			    from (select case when h.n = 1 then c.lead_id else c.co_id end as person_id, c.category
			          from case_file c cross join (select 1 as n union all select 2 as n) h
			          where c.concluded_on_effective between :quarterStart and :quarterEnd) hc
			    group by hc.person_id) d on d.person_id = p.id
			left join unit_rollout ro on ro.unit_id = u.id
			left join standard_exemption ex
			  on ex.person_id = p.id and ex.quarter_year = :quarterYear and ex.quarter_no = :quarterNo
			where p.category = 'FORMAL'
			""";

	/**
	 * the same inputs from the snapshot of a finalised quarter (same columns; aliases p and u so the scope
	 * conditions below apply unchanged).
	 */
	private static final String FROZEN_SQL = """
			select f.person_id, f.employee_no, f.name, f.sex, f.birth_date,
			       f.unit_id, f.unit_name, f.unit_type, f.simple_done, f.ordinary_done,
			       f.rollout_starts_on, f.rollout_batch_ends_on, f.exemption_reason
			from frozen_standard f
			join person p on p.id = f.person_id
			join unit u on u.id = f.unit_id
			where f.freeze_id = :freeze
			""";

	private final JdbcClient jdbc;

	private final RuleSettings settings;

	private final QuarterSnapshots snapshots;

	private final DataStamp stamp;

	/** What a quarter's standards are of, besides the data: the quarter and the reader's scope (unit, person). */
	private record Key(Period quarter, boolean all, Long unit, Long person) {
	}

	CaseStandards(JdbcClient jdbc, RuleSettings settings, QuarterSnapshots snapshots, DataStamp stamp) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.snapshots = snapshots;
		this.stamp = stamp;
	}

	/**
	 * copies every formal officer's inputs of the quarter (unit at its end, sex, birth date, cases done) into
	 * the snapshot of a freeze, in one set-based statement; the minimums in force are kept on the freeze itself.
	 */
	@Transactional
	public void freeze(long freezeId, Period quarter) {
		jdbc.sql("""
				insert into frozen_standard (freeze_id, person_id, employee_no, name, sex, birth_date, unit_id, unit_name,
				  unit_type, simple_done, ordinary_done, rollout_starts_on, rollout_batch_ends_on, exemption_reason)
				select :freeze, s.person_id, s.employee_no, s.name, s.sex, s.birth_date, s.unit_id, s.unit_name,
				  s.unit_type, s.simple_done, s.ordinary_done, s.rollout_starts_on, s.rollout_batch_ends_on,
				  s.exemption_reason
				from (""" + SQL + ") s")
			.param("freeze", freezeId)
			.param("quarterStart", quarter.start())
			.param("quarterEnd", quarter.end())
			.param("quarterYear", quarter.year())
			.param("quarterNo", quarter.number())
			.update();
	}

	/** The squad policy with the year's standard. */
	public CaseHandlingStandardPolicy squadPolicy(int year) {
		RuleSettings.YearlyStandard std = settings.standard(year);
		return new CaseHandlingStandardPolicy(new CaseCounts(std.simpleMin(), std.ordinaryMin()));
	}

	/** The organ policy with the configured minimum. */
	public OrganParticipationPolicy organPolicy() {
		return new OrganParticipationPolicy(settings.integer(RuleSetting.ORGAN_ORDINARY_MIN));
	}

	/**
	 * Every formal officer the user may see, ordered by 工号.
	 * @param quarter must be a quarter
	 */
	@Transactional(readOnly = true)
	public List<OfficerStandard> forQuarter(Period quarter, CurrentUser user) {
		if (!quarter.isQuarter()) {
			throw new IllegalArgumentException("the standard is assessed per quarter (2024-Q1), not per " + quarter);
		}
		// kept under the data stamp (issue 16: the dashboard and the task board's 任务清单第1、2项 asked for the same
		// quarter five times per bureau in the comparison of bureaus)
		return stamp.cached(DataCache.STANDARDS, new Key(quarter, user.readsAll(), user.unitFilter().orElse(null),
				user.personFilter().orElse(null)), () -> compute(quarter, user));
	}

	private List<OfficerStandard> compute(Period quarter, CurrentUser user) {
		Optional<QuarterSnapshots.Freeze> frozen = snapshots.frozen(quarter);
		CaseHandlingStandardPolicy squads = frozen
			.map(f -> new CaseHandlingStandardPolicy(new CaseCounts(f.simpleMin(), f.ordinaryMin())))
			.orElseGet(() -> squadPolicy(quarter.year()));
		OrganParticipationPolicy organs = frozen.map(f -> new OrganParticipationPolicy(f.organMin()))
			.orElseGet(this::organPolicy);
		StringBuilder sql = new StringBuilder(frozen.isPresent() ? FROZEN_SQL : SQL);
		// Data scope in SQL: a squad leader / legal officer his unit, an officer himself, ADMIN nothing.
		if (!user.readsAll() && user.unitFilter().isEmpty() && user.personFilter().isEmpty()) {
			return List.of();
		}
		user.unitFilter().ifPresent(u -> sql.append(" and u.id = :scopeUnit"));
		user.personFilter().ifPresent(p -> sql.append(" and p.id = :scopePerson"));
		sql.append(" order by p.employee_no");
		JdbcClient.StatementSpec spec = jdbc.sql(sql.toString())
			.param("quarterStart", quarter.start())
			.param("quarterEnd", quarter.end());
		if (frozen.isEmpty()) {
			spec = spec.param("quarterYear", quarter.year()).param("quarterNo", quarter.number());
		}
		StandardRollout rollout = rollout();
		if (frozen.isPresent()) {
			spec = spec.param("freeze", frozen.get().id());
		}
		if (user.unitFilter().isPresent()) {
			spec = spec.param("scopeUnit", user.unitFilter().get());
		}
		if (user.personFilter().isPresent()) {
			spec = spec.param("scopePerson", user.personFilter().get());
		}
		return spec.query((rs, n) -> row(rs, quarter, squads, organs, rollout))
			.list()
			.stream()
			// Java order too: the databases' collations may order 工号 differently.
			.sorted(Comparator.comparing(OfficerStandard::employeeNo))
			.toList();
	}

	/**
	 * Changes the standard of a year unless someone changed it since the user saw it.
	 * @param shown the standard the user's page showed for that year, or null when he did not see that year's
	 * @throws StaleStandardException when the stored standard is no longer the one shown
	 */
	@Transactional
	public void changeYearlyStandard(int year, CaseCounts shown, CaseCounts next, String username) {
		RuleSettings.YearlyStandard current = settings.standard(year);
		if (shown != null && (current.simpleMin() != shown.simple() || current.ordinaryMin() != shown.ordinary())) {
			throw new StaleStandardException(current);
		}
		settings.setStandard(year, next.simple(), next.ordinary(), username);
	}

	/** The yearly standard changed between showing and saving it: tell the user, do not overwrite (optimistic). */
	public static final class StaleStandardException extends RuntimeException {

		private final transient RuleSettings.YearlyStandard current;

		StaleStandardException(RuleSettings.YearlyStandard current) {
			super("yearly standard " + current.year() + " changed meanwhile");
			this.current = current;
		}

		public RuleSettings.YearlyStandard current() {
			return current;
		}

	}

	/** R-32 with R-71: from which quarter the standard applies to a squad's officers (setting STANDARD_FROM). */
	public StandardRollout rollout() {
		return new StandardRollout(settings.standardFrom());
	}

	/**
	 * The status of one officer: for a squad 未纳入 before its rollout (before every other status), then an exemption
	 * for a reason (R-32 "原则上"), then age and sex; for an organ unit R-33.
	 */
	private static OfficerStandard row(ResultSet rs, Period quarter, CaseHandlingStandardPolicy squads,
			OrganParticipationPolicy organs, StandardRollout rollout) throws SQLException {
		UnitType type = UnitType.valueOf(rs.getString("unit_type"));
		CaseCounts done = new CaseCounts(rs.getInt("simple_done"), rs.getInt("ordinary_done"));
		StandardOutcome outcome;
		if (!type.isSquad()) {
			outcome = organs.assess(done);
		}
		else if (!rollout.applies(quarter, rs.getObject("rollout_starts_on", java.time.LocalDate.class),
				rs.getObject("rollout_batch_ends_on", java.time.LocalDate.class))) {
			outcome = new StandardOutcome(StandardRule.ALL_HANDLE_CASES, CaseCounts.NONE, done,
					StandardStatus.NOT_IN_PROGRAMME);
		}
		else if (rs.getString("exemption_reason") != null) {
			outcome = new StandardOutcome(StandardRule.ALL_HANDLE_CASES, CaseCounts.NONE, done, StandardStatus.EXEMPT,
					rs.getString("exemption_reason"));
		}
		else {
			outcome = squads.assess(Sex.valueOf(rs.getString("sex")),
					rs.getObject("birth_date", java.time.LocalDate.class), quarter, done);
		}
		return new OfficerStandard(rs.getLong("person_id"), rs.getString("employee_no"), rs.getString("name"),
				rs.getLong("unit_id"), rs.getString("unit_name"), type, outcome);
	}

}
