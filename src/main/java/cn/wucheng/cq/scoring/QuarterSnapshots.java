package cn.wucheng.cq.scoring;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.wucheng.cq.organisation.StaffCategory;
import cn.wucheng.cq.organisation.UnitType;
import cn.wucheng.cq.scoring.policy.ScoringPolicies;
import cn.wucheng.cq.settings.RuleSettings;
import cn.wucheng.cq.shared.Period;

/**
 * the snapshot of a finalised (定稿) quarter. Finalising copies every person's score, every breakdown line, and
 * the ranking's pools and places, in a few set-based {@code INSERT … SELECT} statements of the ledger's own SQL;
 * from then on the ledger reads the quarter from here (same column names as the live SQL, so the same row mappers),
 * and later changes of cases, returns, awards, people or settings do not alter it until it is re-opened.
 * <p>
 * Public for {@link #frozen}, which the standards read their frozen minimums from; the rest is the
 * ledger's.
 */
@Component
public class QuarterSnapshots {

	/** The current freeze of a final quarter, with the standard's minimums in force when it was frozen. */
	public record Freeze(long id, int simpleMin, int ordinaryMin, int organMin) {
	}

	private final JdbcClient jdbc;

	private final RuleSettings settings;

	QuarterSnapshots(JdbcClient jdbc, RuleSettings settings) {
		this.jdbc = jdbc;
		this.settings = settings;
	}

	/** The policies of the points and the ranking with the legal section's current settings. */
	ScoringPolicies policies() {
		return ScoringPolicies.inForce(settings);
	}

	/** The ledger's SQL with the policies in force. */
	PointsSql pointsSql() {
		return new PointsSql(policies());
	}

	/** The snapshot a period is read from: only a quarter whose publication is final has one. */
	public Optional<Freeze> frozen(Period period) {
		if (!period.isQuarter()) {
			return Optional.empty();
		}
		return jdbc.sql("""
				select f.id, f.simple_min, f.ordinary_min, f.organ_min
				from quarter_publication q join score_freeze f on f.id = q.freeze_id
				where q.period_code = :code and q.status = 'FINAL'""")
			.param("code", period.toString())
			.query((rs, n) -> new Freeze(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)))
			.optional();
	}

	/**
	 * Copies the quarter's scores, breakdown lines and deductions into the snapshot of a freeze: three set-based
	 * statements. The ranking is not copied: a final quarter is ranked from its frozen scores (R-30, one ranking),
	 * with the pools and places of {@link #freezePlaces}.
	 */
	void freezeScores(long freezeId, Period quarter) {
		PointsSql sql = pointsSql();
		Map<String, Object> params = sql.params(quarter, ScoreScope.EVERYONE);
		params.put("freeze", freezeId);
		params.put("formalName", StaffCategory.FORMAL.name());
		jdbc.sql("""
				insert into frozen_score (freeze_id, person_id, employee_no, name, staff_category, unit_id, unit_name,
				  unit_type, quantity, quality, excellence, lead_cases, co_cases, listed)
				select :freeze, s.person_id, s.employee_no, s.name, s.staff_category, s.unit_id, s.unit_name, s.unit_type,
				  s.quantity, s.quality, s.excellence, s.lead_cases, s.co_cases,
				  case when s.lead_cases + s.co_cases > 0 or s.excellence > 0
				    or (s.staff_category = :formalName and s.unit_type in (:squadTypes)) then true else false end
				from (""" + sql.scores(ScoreScope.EVERYONE, true) + ") s").params(params).update();
		jdbc.sql("""
				insert into frozen_item (freeze_id, person_id, handler_role, case_id, award_id, case_no, category,
				  concluded_on, award_level, rated_on, prior, quantity, quality, excellence)
				select :freeze, i.person_id, i.handler_role, i.case_id, i.award_id, i.case_no, i.category, i.concluded_on,
				  i.award_level, i.rated_on, i.prior, i.quantity, i.quality, i.excellence
				from (""" + sql.allItems() + ") i").params(params).update();
		jdbc.sql("""
				insert into frozen_deduction (freeze_id, case_id, return_id, code, item_text, points, returned_on, reason)
				select :freeze, d.case_id, d.return_id, d.code, d.item_text, d.points, d.returned_on, d.reason
				from (""" + sql.allDeductions() + ") d").params(params).update();
	}

	/**
	 * each category's pool size and best-handler places of the quarter's ranking at the freeze, so a later
	 * change of the settings does not change a final quarter's places.
	 */
	void freezePlaces(long freezeId, Ranking ranking) {
		for (Ranking.Category c : ranking.categories()) {
			jdbc.sql("insert into frozen_pool (freeze_id, unit_type, pool_size, places) values (?, ?, ?, ?)")
				.params(freezeId, c.category().name(), c.pool(), c.places())
				.update();
		}
	}

	/** the best-handler places of each squad category as frozen. */
	Map<UnitType, Integer> frozenPlaces(Freeze freeze) {
		Map<UnitType, Integer> places = new EnumMap<>(UnitType.class);
		jdbc.sql("select unit_type, places from frozen_pool where freeze_id = :freeze")
			.param("freeze", freeze.id())
			.query(rs -> {
				places.put(UnitType.valueOf(rs.getString("unit_type")), rs.getInt("places"));
			});
		return places;
	}

	// ------------------------------------------------------------------ reading (same columns as PointsSql)

	/** The bind parameters of a snapshot read. */
	static Map<String, Object> params(Freeze freeze, ScoreScope scope) {
		Map<String, Object> p = new HashMap<>();
		p.put("freeze", freeze.id());
		if (scope.unitId() != null) {
			p.put("unit", scope.unitId());
		}
		if (scope.personId() != null) {
			p.put("person", scope.personId());
		}
		return p;
	}

	/** As {@link PointsSql#scores}: the listed people, or with {@code everyone} anyone in scope. */
	static String scores(ScoreScope scope, boolean everyone) {
		return """
				select person_id, employee_no, name, staff_category, unit_id, unit_name, unit_type, quantity, quality,
				  excellence, lead_cases, co_cases
				from frozen_score
				where freeze_id = :freeze""" + (everyone ? "" : " and listed = true") + PointsSql.scopeCondition(scope, "unit_id", "person_id")
				+ "\norder by employee_no";
	}

	/** As {@link PointsSql#items}: one person's lines. */
	static String items() {
		return """
				select handler_role, case_id, award_id, quantity, quality, excellence, case_no, category, concluded_on,
				  award_level, rated_on, prior
				from frozen_item
				where freeze_id = :freeze and person_id = :person
				order by coalesce(rated_on, concluded_on), case_no, award_id nulls first""";
	}

	/** As {@link PointsSql#deductions}: the deductions behind one person's cases. */
	static String deductions() {
		return """
				select d.case_id, d.code, d.item_text, d.points, d.returned_on, d.reason
				from frozen_deduction d
				where d.freeze_id = :freeze
				  and d.case_id in (select i.case_id from frozen_item i where i.freeze_id = :freeze and i.person_id = :person)
				order by d.case_id, d.returned_on, d.code""";
	}

}
