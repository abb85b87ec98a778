package cn.wucheng.cq.scoring;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.wucheng.cq.cases.CaseCategory;
import cn.wucheng.cq.cases.QualityPoints;
import cn.wucheng.cq.organisation.StaffCategory;
import cn.wucheng.cq.organisation.UnitType;
import cn.wucheng.cq.reviews.AwardLevel;
import cn.wucheng.cq.scoring.policy.ExcellencePoints;
import cn.wucheng.cq.scoring.policy.HandlerRole;
import cn.wucheng.cq.scoring.policy.QuantityPoints;
import cn.wucheng.cq.scoring.policy.ScoringPolicies;
import cn.wucheng.cq.settings.RuleSetting.AwardMode;
import cn.wucheng.cq.shared.Period;

/**
 * The set-based SQL of the points ledger: one statement scores every person of a period. Every
 * number comes from the policies as a bind parameter, so code and SQL cannot disagree; only enum names are written into
 * the text. Runs on H2 (PostgreSQL mode) and PostgreSQL.
 * <p>
 * R-23a: only formal officers earn points — {@code contrib} keeps the share of a handler who is a formal officer, so
 * an auxiliary recorded as a handler (imported history, flagged under R-11) earns nothing for the case and, with no
 * points, appears in no score list; the other handler's share is unchanged (each share is computed on its own).
 * <p>
 * The common table expressions: {@code period_case} (cases concluded in the period — by the effective conclusion
 * date of R-14: a simple case without 办结日期 is concluded on its 立案日期 — with their full quantity and
 * quality points), {@code period_award} (awards rated in the period with the points the case had already been
 * credited), {@code contrib} (one row per handler of each of those: the person's share) and {@code unit_at} (each
 * person's unit on the last day of the period, R-02). Indexes used: case_file(bureau_id, concluded_on_effective),
 * case_return(case_id) for one person, and for everyone (bureau_id, case_id) to sum the bureau's returns once,
 * excellent_award(bureau_id, rated_on) and (case_id, …), person_unit_history's primary key; for one person
 * case_file(lead_id, …) and (co_id, …). Under row-level security a statement is one bureau's: an index that does not
 * begin with bureau_id would read the whole province's table (migration 9.73).
 */
final class PointsSql {

	private static final String NUM = "numeric(12,4)";

	private static final String ZERO = "cast(0 as " + NUM + ")";

	/** the lead's and the co-handler's share, bind parameters taken from {@code CoHandlerHalf}. */
	private static final String LEAD_FACTOR = param("leadFactor");

	private static final String CO_FACTOR = param("coFactor");

	private final ScoringPolicies policies;

	PointsSql(ScoringPolicies policies) {
		this.policies = policies;
	}

	/** The bind parameters of the policies, the period and the scope. */
	Map<String, Object> params(Period period, ScoreScope scope) {
		Map<String, Object> p = new HashMap<>();
		p.put("start", period.start());
		p.put("end", period.end());
		for (CaseCategory c : CaseCategory.values()) {
			p.put("q_" + c.name(), policies.quantity().of(c));
		}
		for (AwardLevel l : AwardLevel.values()) {
			p.put("e_" + l.name(), policies.excellence().points(l));
		}
		p.put(QualityPoints.BASE_PARAMETER, QualityPoints.BASE.exact());
		p.put("leadFactor", policies.coHandler().factor(HandlerRole.LEAD));
		p.put("coFactor", policies.coHandler().factor(HandlerRole.CO));
		p.put("formal", StaffCategory.FORMAL.name());
		p.put("earning", policies.formalOfficersEarn().earningCategory().name());
		p.put("squadTypes", Arrays.stream(UnitType.values()).filter(UnitType::isSquad).map(Enum::name).toList());
		if (scope.unitId() != null) {
			p.put("unit", scope.unitId());
		}
		if (scope.personId() != null) {
			p.put("person", scope.personId());
		}
		return p;
	}

	/**
	 * Every person with points in the period, and (unless {@code everyone}) every formal officer of a squad (the
	 * ranking pools, R-30: the ledger ranks them from these rows), with the four sums and the case counts. With {@code everyone} a person in scope is
	 * returned even without points (for one person's breakdown).
	 */
	String scores(ScoreScope scope, boolean everyone) {
		return ctes(scope) + """
				, totals as (
				  select person_id, sum(quantity) quantity, sum(quality) quality, sum(excellence) excellence,
				    sum(lead_n) lead_cases, sum(co_n) co_cases
				  from contrib
				  group by person_id
				  having sum(lead_n + co_n) > 0 or sum(excellence) > 0
				)
				select p.id person_id, p.employee_no, p.name, p.category staff_category,
				  u.id unit_id, u.name unit_name, u.type unit_type,
				  coalesce(t.quantity, 0) quantity, coalesce(t.quality, 0) quality, coalesce(t.excellence, 0) excellence,
				  coalesce(t.lead_cases, 0) lead_cases, coalesce(t.co_cases, 0) co_cases
				from person p
				join unit_at ua on ua.person_id = p.id
				join unit u on u.id = ua.unit_id
				left join totals t on t.person_id = p.id
				where 1 = 1""" + (everyone ? "" : """

				  and (t.person_id is not null or (p.category = :formal and u.type in (:squadTypes)))""")
				+ scopeCondition(scope, "u.id", "p.id") + """

				order by p.employee_no""";
	}

	/** the items of one person (scope must name the person): one row per case or award with his share. */
	String items(ScoreScope person) {
		requirePerson(person);
		return ctes(person) + """
				select ct.handler_role, ct.case_id, ct.award_id, ct.quantity, ct.quality, ct.excellence,
				  c.case_no, c.category, c.concluded_on_effective concluded_on, a.award_level, a.rated_on, pa.prior
				from contrib ct
				join case_file c on c.id = ct.case_id
				left join period_award pa on pa.award_id = ct.award_id
				left join excellent_award a on a.id = ct.award_id
				where ct.person_id = :person
				order by coalesce(a.rated_on, c.concluded_on_effective), c.case_no, ct.award_id nulls first""";
	}

	/** the deductions behind the quality points of one person's cases of the period. */
	String deductions(ScoreScope person) {
		requirePerson(person);
		return ctes(person) + """
				select r.case_id, d.code, d.item_text, r.points, r.returned_on, r.reason
				from case_return r
				join deduction_item d on d.id = r.item_id
				where r.case_id in (select case_id from period_case)
				order by r.case_id, r.returned_on, d.code""";
	}

	/**
	 * every breakdown line of the period for everyone (for the snapshot of a finalised quarter), with the
	 * person as its first column.
	 */
	String allItems() {
		return ctes(ScoreScope.EVERYONE) + """
				select ct.person_id, ct.handler_role, ct.case_id, ct.award_id, c.case_no, c.category,
				  c.concluded_on_effective concluded_on,
				  a.award_level, a.rated_on, pa.prior, ct.quantity, ct.quality, ct.excellence
				from contrib ct
				join case_file c on c.id = ct.case_id
				left join period_award pa on pa.award_id = ct.award_id
				left join excellent_award a on a.id = ct.award_id""";
	}

	/** the deductions behind the quality points of every case of the period (for the snapshot). */
	String allDeductions() {
		return ctes(ScoreScope.EVERYONE) + """
				select r.case_id, r.id return_id, d.code, d.item_text, r.points, r.returned_on, r.reason
				from case_return r
				join deduction_item d on d.id = r.item_id
				where r.case_id in (select case_id from period_case)""";
	}

	private static void requirePerson(ScoreScope scope) {
		if (scope.personId() == null) {
			throw new IllegalArgumentException("a breakdown is of one person");
		}
	}

	/** The scope's conditions on the given columns, as bind parameters {@code :unit} and {@code :person}. */
	static String scopeCondition(ScoreScope scope, String unitColumn, String personColumn) {
		StringBuilder sb = new StringBuilder();
		if (scope.unitId() != null) {
			sb.append("\n  and ").append(unitColumn).append(" = :unit");
		}
		if (scope.personId() != null) {
			sb.append("\n  and ").append(personColumn).append(" = :person");
		}
		return sb.toString();
	}

	/**
	 * The common table expressions; a person scope is pushed down into every one of them. The text is assembled from
	 * constant fragments chosen by the scope and the policies' modes, never from a value: every value (period, ids,
	 * each number of a policy) is a bind parameter.
	 */
	private String ctes(ScoreScope scope) {
		String handledBy = scope.personId() == null ? "" : "\n    and (c.lead_id = :person or c.co_id = :person)";
		String awardCredit = "greatest(" + ZERO + ", pa.pts - pa.prior)";
		return String.join("\n",
				"with period_case as (",
				"  select c.id case_id, c.lead_id, c.co_id, " + quantityOf("c") + " qty,",
				"    " + QualityPoints.sql(deducted(scope)) + " qual",
				"  from case_file c" + returnsJoin(scope),
				"  where c.concluded_on_effective between :start and :end" + handledBy,
				"),",
				"period_award as (",
				"  select a.id award_id, a.case_id, c.lead_id, c.co_id, " + levelPoints("a") + " pts, " + creditedBefore()
						+ " prior",
				"  from excellent_award a",
				"  join case_file c on c.id = a.case_id",
				"  where a.rated_on between :start and :end" + handledBy,
				"),",
				"contrib as (",
				"  select pc.lead_id person_id, 'LEAD' handler_role, pc.case_id, cast(null as bigint) award_id,",
				"    pc.qty * " + LEAD_FACTOR + " quantity, pc.qual * " + LEAD_FACTOR + " quality, " + ZERO
						+ " excellence, 1 lead_n, 0 co_n",
				"  from period_case pc",
				"  join person f on f.id = pc.lead_id and f.category = :earning",
				"  union all",
				"  select pc.co_id, 'CO', pc.case_id, cast(null as bigint),",
				"    pc.qty * " + CO_FACTOR + ", pc.qual * " + CO_FACTOR + ", " + ZERO + ", 0, 1",
				"  from period_case pc",
				"  join person f on f.id = pc.co_id and f.category = :earning",
				"  union all",
				"  select pa.lead_id, 'LEAD', pa.case_id, pa.award_id, " + ZERO + ", " + ZERO + ", " + awardCredit + " * "
						+ LEAD_FACTOR + ", 0, 0",
				"  from period_award pa",
				"  join person f on f.id = pa.lead_id and f.category = :earning",
				"  union all",
				"  select pa.co_id, 'CO', pa.case_id, pa.award_id, " + ZERO + ", " + ZERO + ", " + awardCredit + " * "
						+ CO_FACTOR + ", 0, 0",
				"  from period_award pa",
				"  join person f on f.id = pa.co_id and f.category = :earning",
				"),",
				"") + unitAt(scope);
	}

	/**
	 * the points deducted from a case (null when none), for {@link QualityPoints#sql}. For one person (a
	 * breakdown: a few dozen cases) looked up case by case; for everyone the returns are summed once per statement and hash-joined to the period's cases — not 240,000
	 * index look-ups of a province quarter, whose estimated cost also made PostgreSQL JIT-compile the statement
	 * (≈ 1 s of compiling per call, province-scale issue).
	 */
	private static String deducted(ScoreScope scope) {
		return scope.personId() == null ? "rd.deducted"
				: "(select sum(r.points) from case_return r where r.case_id = c.id)";
	}

	private static String returnsJoin(ScoreScope scope) {
		return scope.personId() == null ? """

				  left join (select r.case_id, sum(r.points) deducted from case_return r group by r.case_id) rd
				    on rd.case_id = c.id""" : "";
	}

	/**
	 * the unit on the last day of the period is the history row with the latest valid_from on or before it; a
	 * person whose history starts later gets his earliest row.
	 */
	private static String unitAt(ScoreScope scope) {
		String onePerson = scope.personId() == null ? "" : "\n  where p.id = :person";
		return String.join("\n",
				"unit_at as (",
				"  select p.id person_id, coalesce(",
				"    (select h.unit_id from person_unit_history h where h.person_id = p.id and h.valid_from <= :end",
				"       order by h.valid_from desc fetch first 1 rows only),",
				"    (select h.unit_id from person_unit_history h where h.person_id = p.id",
				"       order by h.valid_from fetch first 1 rows only),",
				"    p.unit_id) unit_id",
				"  from person p" + onePerson,
				")",
				"");
	}

	/** what earlier awards of the same case already credited (highest only); nothing when awards add up. */
	private String creditedBefore() {
		if (policies.excellence().mode() == AwardMode.CUMULATIVE) {
			return ZERO;
		}
		return "coalesce((select max(" + levelPoints("b") + ") from excellent_award b"
				+ "\n    where b.case_id = a.case_id and b.id <> a.id"
				+ "\n      and (b.rated_on < a.rated_on or (b.rated_on = a.rated_on and " + levelPoints("b") + " > "
				+ levelPoints("a") + "))), " + ZERO + ")";
	}

	/** R-20 as SQL: the category's points, each a bind parameter taken from {@link QuantityPoints}. */
	private static String quantityOf(String alias) {
		return caseOf(alias + ".category", Arrays.stream(CaseCategory.values()).map(Enum::name).toList(), "q_");
	}

	/** R-22 as SQL: the level's points, each a bind parameter taken from {@link ExcellencePoints}. */
	private static String levelPoints(String alias) {
		return caseOf(alias + ".award_level", Arrays.stream(AwardLevel.values()).map(Enum::name).toList(), "e_");
	}

	private static String caseOf(String column, List<String> names, String prefix) {
		StringBuilder sb = new StringBuilder("case ").append(column);
		for (String n : names) {
			sb.append(" when '").append(n).append("' then ").append(param(prefix + n));
		}
		return sb.append(" end").toString();
	}

	private static String param(String name) {
		return "cast(:" + name + " as " + NUM + ")";
	}

}
