package cn.wucheng.cq.scoring;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntBiFunction;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.wucheng.cq.cases.CaseCategory;
import cn.wucheng.cq.organisation.StaffCategory;
import cn.wucheng.cq.organisation.UnitType;
import cn.wucheng.cq.reviews.AwardLevel;
import cn.wucheng.cq.scoring.BreakdownItem.Deduction;
import cn.wucheng.cq.scoring.QuarterSnapshots.Freeze;
import cn.wucheng.cq.scoring.policy.BestHandlerPlaces;
import cn.wucheng.cq.scoring.policy.HandlerRole;
import cn.wucheng.cq.scoring.policy.RankingOrder;
import cn.wucheng.cq.scoring.policy.ScoringPolicies;
import cn.wucheng.cq.shared.DataCache;
import cn.wucheng.cq.shared.DataStamp;
import cn.wucheng.cq.shared.LatestPeriods;
import cn.wucheng.cq.shared.Period;
import cn.wucheng.cq.shared.Points;

/**
 * The points ledger (积分台账): scores, breakdowns and quarterly rankings computed from the cases, returns and awards
 * each in one set-based SQL pass per period whose numbers come from the policies in
 * {@code scoring.policy} and the legal section's settings. Nothing is stored: a change of data or settings shows at
 * once — except for a finalised quarter, which is read from its snapshot until it is re-opened.
 */
@Service
// SUPPORTS: each call's statements share one connection, but a cached read opens no transaction of its own (no
// BEGIN/COMMIT round trips per page view; every statement reads committed data either way, as PostgreSQL's and H2's
// default isolation give); inside a caller's transaction it takes part as before.
@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
public class ScoreLedger {

	private final JdbcClient jdbc;

	private final QuarterSnapshots snapshots;

	private final DataStamp stamp;

	private final LatestPeriods latest;

	ScoreLedger(JdbcClient jdbc, QuarterSnapshots snapshots, DataStamp stamp, LatestPeriods latest) {
		this.jdbc = jdbc;
		this.snapshots = snapshots;
		this.stamp = stamp;
		this.latest = latest;
	}

	private record RankingKey(Period quarter) {
	}

	private record PeriodsKey(LocalDate today) {
	}

	/** Every person with points in the period or in a ranking pool, ordered by 工号. */
	public List<PersonScore> scores(Period period) {
		return scores(period, ScoreScope.EVERYONE);
	}

	/** The same, narrowed to a scope (by the unit at the period's end, as the SQL did). */
	public List<PersonScore> scores(Period period, ScoreScope scope) {
		Optional<Freeze> frozen = snapshots.frozen(period);
		if (frozen.isPresent()) {
			return jdbc.sql(QuarterSnapshots.scores(scope, false))
				.params(QuarterSnapshots.params(frozen.get(), scope))
				.query(ScoreLedger::score)
				.list();
		}
		List<PersonScore> all = liveScores(period);
		if (scope.unitId() == null && scope.personId() == null) {
			return all;
		}
		return all.stream().filter(s -> scope.includes(s.personId(), s.unitId())).toList();
	}

	/**
	 * Every person's score of a period that is not finalised (everyone with points, and every formal officer of a
	 * squad: the ranking pools), in 工号 order as the database sorts it. One SQL pass, kept until the data changes
	 * (DataStamp): the scores and the ranking of a quarter are both read from it, so a quarter's totals are computed
	 * once, not once per list (province-scale issue). Exact points: the ranking compares the exact totals.
	 */
	private List<PersonScore> liveScores(Period period) {
		// the stamp is read before the data: a list is never older than the stamp it is kept under
		return stamp.cached(DataCache.SCORES, period, () -> computeScores(period));
	}

	private List<PersonScore> computeScores(Period period) {
		PointsSql sql = sql();
		return List.copyOf(jdbc.sql(sql.scores(ScoreScope.EVERYONE, false))
			.params(sql.params(period, ScoreScope.EVERYONE))
			.query(ScoreLedger::score)
			.list());
	}

	/** one person's score with every case and award behind it; empty when there is no such 工号. */
	public Optional<Breakdown> breakdown(String employeeNo, Period period) {
		return breakdown(employeeNo, period, ScoreScope.EVERYONE);
	}

	/**
	 * one person's score with every case and award behind it; empty when there is no such 工号 or the person is
	 * outside the scope.
	 */
	public Optional<Breakdown> breakdown(String employeeNo, Period period, ScoreScope scope) {
		// The same for every reader allowed to see it: computed once and kept until the data changes (DataStamp);
		// the scope then decides who may see it, by the person and his unit at the period's end as in the SQL.
		Optional<Breakdown> full = stamp.cached(DataCache.BREAKDOWNS, new BreakdownKey(employeeNo, period),
				() -> computeBreakdown(employeeNo, period, ScoreScope.EVERYONE));
		return full.filter(b -> scope.includes(b.score().personId(), b.score().unitId()));
	}

	private record BreakdownKey(String employeeNo, Period period) {
	}

	private Optional<Breakdown> computeBreakdown(String employeeNo, Period period, ScoreScope scope) {
		Optional<Long> personId = jdbc.sql("select id from person where bureau_id = cq_bureau() and employee_no = :no")
			.param("no", employeeNo)
			.query(Long.class)
			.optional();
		if (personId.isEmpty() || scope.personId() != null && !scope.personId().equals(personId.get())) {
			return Optional.empty();
		}
		ScoreScope one = new ScoreScope(scope.unitId(), personId.get());
		Optional<Freeze> frozen = snapshots.frozen(period);
		PointsSql sql = sql();
		Map<String, Object> params = frozen.isPresent() ? QuarterSnapshots.params(frozen.get(), one)
				: sql.params(period, one);
		String scoreSql = frozen.isPresent() ? QuarterSnapshots.scores(one, true) : sql.scores(one, true);
		String deductionSql = frozen.isPresent() ? QuarterSnapshots.deductions() : sql.deductions(one);
		String itemSql = frozen.isPresent() ? QuarterSnapshots.items() : sql.items(one);
		Optional<PersonScore> score = jdbc.sql(scoreSql).params(params).query(ScoreLedger::score).optional();
		if (score.isEmpty()) {
			return Optional.empty();
		}
		Map<Long, List<Deduction>> deductions = new HashMap<>();
		jdbc.sql(deductionSql).params(params).query((rs, n) -> {
			deductions.computeIfAbsent(rs.getLong("case_id"), k -> new ArrayList<>())
				.add(new Deduction(rs.getString("code"), rs.getString("item_text"), points(rs, "points"),
						date(rs, "returned_on"), rs.getString("reason")));
			return null;
		}).list();
		List<BreakdownItem> items = jdbc.sql(itemSql).params(params).query((rs, n) -> {
			boolean award = rs.getObject("award_id") != null;
			String level = rs.getString("award_level");
			return new BreakdownItem(award ? BreakdownItem.Kind.AWARD : BreakdownItem.Kind.CASE,
					rs.getString("case_no"), HandlerRole.valueOf(rs.getString("handler_role")),
					CaseCategory.valueOf(rs.getString("category")), date(rs, "concluded_on"),
					level == null ? null : AwardLevel.valueOf(level), date(rs, "rated_on"),
					award ? points(rs, "prior") : Points.ZERO, points(rs, "quantity"), points(rs, "quality"),
					points(rs, "excellence"),
					award ? List.of() : List.copyOf(deductions.getOrDefault(rs.getLong("case_id"), List.of())));
		}).list();
		return Optional.of(new Breakdown(period, score.get(), items));
	}

	/** the ranking of a quarter, every category, entries narrowed to the scope. */
	public Ranking rankings(Period quarter, ScoreScope scope) {
		if (!quarter.isQuarter()) {
			// an invariant, not a refusal: pages and the API refuse any other period before (@QuarterOnly)
			throw new IllegalArgumentException("a ranking is computed per quarter (2024-Q1), not per " + quarter);
		}
		// A quarter's ranking is the same for every reader (the scope only narrows the entries shown): computed once
		// and kept until a case, return, award, person, unit or setting changes (DataStamp, province-scale issue).
		Ranking all = stamp.cached(DataCache.RANKINGS, new RankingKey(quarter), () -> computeRankings(quarter));
		if (scope.unitId() == null && scope.personId() == null) {
			return all;
		}
		return new Ranking(all.period(), all.categories()
			.stream()
			.map(c -> new Ranking.Category(c.category(), c.pool(), c.places(),
					c.entries().stream().filter(e -> scope.includes(e.personId(), e.unitId())).toList()))
			.toList());
	}

	/**
	 * from the quarter's scores — the one ranking: a final quarter is ranked from its frozen scores with
	 * the places frozen with it, any other from the live scores with the places of the current settings.
	 */
	private Ranking computeRankings(Period quarter) {
		Optional<Freeze> frozen = snapshots.frozen(quarter);
		if (frozen.isEmpty()) {
			return liveRankings(quarter);
		}
		List<PersonScore> scores = jdbc.sql(QuarterSnapshots.scores(ScoreScope.EVERYONE, false))
			.params(QuarterSnapshots.params(frozen.get(), ScoreScope.EVERYONE))
			.query(ScoreLedger::score)
			.list();
		Map<UnitType, Integer> places = snapshots.frozenPlaces(frozen.get());
		return ranked(quarter, scores, (type, pool) -> places.getOrDefault(type, 0));
	}

	private Ranking liveRankings(Period quarter) {
		BestHandlerPlaces places = policies().bestHandlerPlaces();
		return ranked(quarter, liveScores(quarter), places::places);
	}

	/**
	 * the pool of a squad category is every formal officer whose unit at the quarter's end is a squad of
	 * that type (all of them are in the scores, with or without points), ranked by {@link RankingOrder} on the exact
	 * totals; within a rank in 工号 order as the database sorts it (the scores' order, which the ranking keeps).
	 */
	private Ranking ranked(Period quarter, List<PersonScore> scores, ToIntBiFunction<UnitType, Integer> placesOf) {
		ScoringPolicies policies = policies();
		List<Ranking.Category> categories = new ArrayList<>();
		for (UnitType t : UnitType.values()) {
			if (!t.isSquad()) {
				continue;
			}
			List<PersonScore> pool = scores.stream()
				.filter(s -> s.unitType() == t && s.staffCategory() == StaffCategory.FORMAL)
				.toList();
			int places = placesOf.applyAsInt(t, pool.size());
			List<Ranking.Entry> entries = policies.rankingOrder()
				.rank(pool, s -> s.total().exact())
				.stream()
				.map(r -> entry(r, places, policies.bestHandlerPlaces()))
				.toList();
			categories.add(new Ranking.Category(t, pool.size(), places, entries));
		}
		return new Ranking(quarter, List.copyOf(categories));
	}

	private static Ranking.Entry entry(RankingOrder.Ranked<PersonScore> ranked, int places, BestHandlerPlaces best) {
		PersonScore s = ranked.entry();
		return new Ranking.Entry(ranked.rank(), s.personId(), s.employeeNo(), s.name(), s.unitId(), s.unitName(),
				s.total(), best.awarded(ranked.rank(), places, s.total().exact()));
	}

	/**
	 * R-26 定稿: copies the quarter's live scores, breakdown lines and deductions into the snapshot of a freeze, with
	 * the pools and places of its live ranking; the publication calls it inside its transaction.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void freeze(long freezeId, Period quarter) {
		if (!quarter.isQuarter()) {
			throw new IllegalArgumentException("only a quarter is finalised: " + quarter);
		}
		snapshots.freezeScores(freezeId, quarter);
		snapshots.freezePlaces(freezeId, liveRankings(quarter));
	}

	/** The quarter a scores page opens on: the latest with cases, the current one once it has any (issue 13). */
	public Period defaultQuarter() {
		return latest.quarter();
	}

	/**
	 * The years of the period selector, newest first: those with concluded cases, the current year and the default
	 * one; kept until cases change (DataStamp).
	 */
	public List<Integer> years() {
		LocalDate today = latest.today();
		return stamp.cached(DataCache.PERIOD_YEARS, new PeriodsKey(today), () -> latest.newestFirst(computeYears(today.getYear())));
	}

	private List<Integer> computeYears(int always) {
		List<Integer> years = new ArrayList<>();
		Integer min = jdbc.sql("select min(concluded_on_effective) from case_file")
			.query(LocalDate.class)
			.optional()
			.map(LocalDate::getYear)
			.orElse(always);
		Integer max = jdbc.sql("select max(concluded_on_effective) from case_file")
			.query(LocalDate.class)
			.optional()
			.map(LocalDate::getYear)
			.orElse(always);
		int top = Math.max(max, always);
		// a selector of at most ten years, however old the oldest record
		for (int y = top; y >= Math.max(Math.min(min, always), top - 9); y--) {
			years.add(y);
		}
		return years;
	}

	/** The policies with the legal section's current settings. */
	private PointsSql sql() {
		return snapshots.pointsSql();
	}

	private ScoringPolicies policies() {
		return snapshots.policies();
	}

	private static PersonScore score(ResultSet rs, int row) throws SQLException {
		return new PersonScore(rs.getLong("person_id"), rs.getString("employee_no"), rs.getString("name"),
				StaffCategory.valueOf(rs.getString("staff_category")), rs.getLong("unit_id"), rs.getString("unit_name"),
				UnitType.valueOf(rs.getString("unit_type")), points(rs, "quantity"), points(rs, "quality"),
				points(rs, "excellence"), rs.getInt("lead_cases"), rs.getInt("co_cases"));
	}

	private static Points points(ResultSet rs, String column) throws SQLException {
		BigDecimal v = rs.getBigDecimal(column);
		return v == null ? Points.ZERO : Points.of(v);
	}

	private static LocalDate date(ResultSet rs, String column) throws SQLException {
		Date d = rs.getDate(column);
		return d == null ? null : d.toLocalDate();
	}

}
