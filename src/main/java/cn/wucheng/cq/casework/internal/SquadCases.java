package cn.wucheng.cq.casework.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.wucheng.cq.cases.CaseCategory;
import cn.wucheng.cq.rollout.Rollout;
import cn.wucheng.cq.settings.RuleSetting;
import cn.wucheng.cq.settings.RuleSettings;
import cn.wucheng.cq.shared.Period;

/**
 * A squad's cases of a quarter and the R-13 figures: how many of the squad's cases each person handled. Cases count
 * in the quarter of their 立案日期, from the squad's rollout start. Set-based: one query for the figures, one
 * for the list.
 */
@Service
class SquadCases {

	record Squad(long id, String name, String type) {
	}

	/** One handler's share of the squad's cases in the quarter. */
	record HandlerShare(long personId, String employeeNo, String name, long lead, long co, long handled, long total,
			BigDecimal percent, boolean warning) {
	}

	record Figures(Period quarter, long total, FixedHandlerPolicy policy, boolean tooFewCases,
			List<HandlerShare> handlers, Optional<LocalDate> rolloutStart, boolean applies) {

		public List<HandlerShare> warnings() {
			return handlers.stream().filter(HandlerShare::warning).toList();
		}

	}

	record CaseLine(long id, String caseNo, CaseCategory category, LocalDate filedOn, LocalDate concludedOn,
			String leadName, String coName, boolean auxiliaryHandler, boolean reassigned) {
	}

	private final JdbcClient jdbc;

	private final RuleSettings settings;

	private final Rollout rollout;

	SquadCases(JdbcClient jdbc, RuleSettings settings, Rollout rollout) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.rollout = rollout;
	}

	/** A squad the user may see, else 404. */
	Squad squad(long unitId) {
		Squad s = jdbc.sql("select id, name, type from unit where id = ?")
			.param(unitId)
			.query((rs, n) -> new Squad(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.optional()
			.orElseThrow(() -> CaseworkScope.notFound("squad"));
		CaseworkScope.requireVisible(unitId, "squad");
		return s;
	}

	/** The squads the user may see. */
	List<Squad> squads(Optional<Long> unitFilter) {
		return jdbc.sql("""
				select id, name, type from unit
				where type in ('DIRECT_SQUAD', 'CLASS1_SQUAD', 'CLASS2_SQUAD') and (:unit = 0 or id = :unit)
				order by type, name""")
			.param("unit", unitFilter.orElse(0L))
			.query((rs, n) -> new Squad(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	FixedHandlerPolicy policy() {
		return new FixedHandlerPolicy(settings.decimal(RuleSetting.FIXED_HANDLER_SHARE),
				settings.integer(RuleSetting.FIXED_HANDLER_MIN_CASES));
	}

	/** R-13 for a squad and quarter. */
	Figures figures(long unitId, Period quarter) {
		FixedHandlerPolicy policy = policy();
		String inQuarter = """
				from case_file c join unit_rollout ro on ro.unit_id = c.unit_id
				where c.unit_id = :unit and c.filed_on between :from and :to
				  and (ro.starts_on is null or c.filed_on >= ro.starts_on)""";
		long total = jdbc.sql("select count(*) " + inQuarter)
			.param("unit", unitId)
			.param("from", quarter.start())
			.param("to", quarter.end())
			.query(Long.class)
			.single();
		List<HandlerShare> handlers = jdbc.sql("""
				select p.id, p.employee_no, p.name,
				       sum(case when p.id = c.lead_id then 1 else 0 end) as lead_n,
				       sum(case when p.id = c.co_id then 1 else 0 end) as co_n,
				       count(*) as handled
				""" + inQuarter.replace("where", "join person p on p.id = c.lead_id or p.id = c.co_id where") + """

				group by p.id, p.employee_no, p.name
				order by handled desc, p.employee_no""")
			.param("unit", unitId)
			.param("from", quarter.start())
			.param("to", quarter.end())
			.query((rs, n) -> {
				long handled = rs.getLong("handled");
				return new HandlerShare(rs.getLong("id"), rs.getString("employee_no"), rs.getString("name"),
						rs.getLong("lead_n"), rs.getLong("co_n"), handled, total,
						FixedHandlerPolicy.percent(handled, total), policy.warns(handled, total));
			})
			.list();
		return new Figures(quarter, total, policy, total < policy.minCases(), handlers, rollout.startOf(unitId),
				rollout.applies(unitId, quarter.end()));
	}

	/** The squad's cases filed in the quarter, newest first (at most 500). */
	List<CaseLine> cases(long unitId, Period quarter) {
		return jdbc.sql("""
				select c.id, c.case_no, c.category, c.filed_on, c.concluded_on_effective as concluded_on, l.name as l_name, o.name as o_name,
				       case when l.category = 'AUXILIARY' or o.category = 'AUXILIARY' then true else false end as aux,
				       case when exists (select 1 from case_assignment a where a.case_id = c.id
				                         and a.previous_lead_id is not null) then true else false end as reassigned
				from case_file c join person l on l.id = c.lead_id join person o on o.id = c.co_id
				where c.unit_id = :unit and c.filed_on between :from and :to
				order by c.filed_on desc, c.case_no desc
				fetch first 500 rows only""")
			.param("unit", unitId)
			.param("from", quarter.start())
			.param("to", quarter.end())
			.query((rs, n) -> new CaseLine(rs.getLong("id"), rs.getString("case_no"),
					CaseCategory.valueOf(rs.getString("category")), rs.getObject("filed_on", LocalDate.class),
					rs.getObject("concluded_on", LocalDate.class), rs.getString("l_name"), rs.getString("o_name"),
					rs.getBoolean("aux"), rs.getBoolean("reassigned")))
			.list();
	}

}
