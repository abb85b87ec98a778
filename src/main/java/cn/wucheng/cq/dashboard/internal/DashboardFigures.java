package cn.wucheng.cq.dashboard.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.wucheng.cq.dashboard.internal.Dashboard.CategoryBest;
import cn.wucheng.cq.dashboard.internal.Dashboard.Leader;
import cn.wucheng.cq.dashboard.internal.Dashboard.SquadRow;
import cn.wucheng.cq.dashboard.internal.Dashboard.Totals;
import cn.wucheng.cq.casework.CaseworkFigures;
import cn.wucheng.cq.organisation.UnitType;
import cn.wucheng.cq.recording.GapQuery;
import cn.wucheng.cq.recording.RecordingCompliance;
import cn.wucheng.cq.recording.SquadGaps;
import cn.wucheng.cq.reviews.EvaluationResults;
import cn.wucheng.cq.reviews.ReviewRates;
import cn.wucheng.cq.scoring.PersonScore;
import cn.wucheng.cq.scoring.Ranking;
import cn.wucheng.cq.scoring.ScoreLedger;
import cn.wucheng.cq.scoring.ScoreScope;
import cn.wucheng.cq.scoring.coverage.DomainCoverage;
import cn.wucheng.cq.scoring.coverage.SquadCoverage;
import cn.wucheng.cq.scoring.standards.CaseStandards;
import cn.wucheng.cq.scoring.standards.OfficerStandard;
import cn.wucheng.cq.scoring.standards.StandardStatus;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.shared.DataCache;
import cn.wucheng.cq.shared.DataStamp;
import cn.wucheng.cq.shared.Period;
import cn.wucheng.cq.shared.Points;
import cn.wucheng.cq.supervision.TaskOverview;
import cn.wucheng.cq.training.TrainingOverview;
import cn.wucheng.cq.training.TrainingOverview.HoursReport;
import cn.wucheng.cq.training.TrainingOverview.OfficerHours;

/**
 * Computes the dashboard from the modules' set-based reports (one query or a few per figure, never one per person)
 * and keeps the result per quarter and day.
 * <p>
 * Invalidation: kept under {@link DataStamp}, which PostgreSQL raises at every committed change of any business
 * table (cases, reviews, recording, tasks, training, settings, …; see {@code shared/internal/DataStampTriggers}), so a
 * kept dashboard is exactly as fresh as the data, whoever wrote it; concurrent requests for the same quarter wait for
 * one computation instead of each running it. On H2 (the county's embedded database) it is computed per view.
 */
@Service
class DashboardFigures {

	private static final int LEADERS = 10;

	/** How many best handlers of a category the page names (the rest: the rankings page). */
	static final int BEST_SHOWN = 20;

	private record Key(Period quarter, LocalDate today) {
	}

	private final ScoreLedger ledger;

	private final CaseStandards standards;

	private final DomainCoverage coverage;

	private final TrainingOverview training;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ReviewRates reviewRates;

	private final EvaluationResults evaluations;

	private final CaseworkFigures casework;

	private final RecordingCompliance recording;

	private final TaskOverview tasks;

	private final DataStamp stamp;

	DashboardFigures(ScoreLedger ledger, CaseStandards standards, DomainCoverage coverage, TrainingOverview training,
			JdbcClient jdbc, Clock clock, ReviewRates reviewRates, EvaluationResults evaluations,
			CaseworkFigures casework, RecordingCompliance recording, TaskOverview tasks, DataStamp stamp) {
		this.stamp = stamp;
		this.reviewRates = reviewRates;
		this.evaluations = evaluations;
		this.casework = casework;
		this.recording = recording;
		this.tasks = tasks;
		this.ledger = ledger;
		this.standards = standards;
		this.coverage = coverage;
		this.training = training;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	LocalDate today() {
		return LocalDate.now(clock);
	}

	/** The quarter of the latest case concluded up to today, so a new, empty quarter does not greet the leaders. */
	Period defaultQuarter() {
		return ledger.defaultQuarter();
	}

	/** The dashboard of a quarter, for a user who reads all data (LEGAL, SUPERVISION, LEADER). */
	Dashboard of(Period quarter, CurrentUser user) {
		if (!user.readsAll()) {
			throw new IllegalStateException("the dashboard is for users who read all data (legal, supervision, leaders)");
		}
		LocalDate today = today();
		return stamp.cached(DataCache.DASHBOARDS, new Key(quarter, today), () -> compute(quarter, today, user));
	}

	private Dashboard compute(Period quarter, LocalDate today, CurrentUser user) {
		int year = quarter.year();
		LocalDate asOf = today.getYear() == year ? today : (today.getYear() > year ? LocalDate.of(year, 12, 31)
				: LocalDate.of(year, 1, 1));
		List<PersonScore> scores = ledger.scores(quarter, ScoreScope.EVERYONE);
		Ranking ranking = ledger.rankings(quarter, ScoreScope.EVERYONE);
		List<OfficerStandard> officerStandards = standards.forQuarter(quarter, user);
		List<SquadCoverage> squadCoverage = coverage.coverage(year, asOf, user);
		HoursReport hours = training.hours(year, user, asOf);
		int concluded = jdbc.sql("select count(*) from case_file where concluded_on_effective between ? and ?")
			.params(quarter.start(), quarter.end())
			.query(Integer.class)
			.single();

		List<PersonScore> top = scores.stream()
			.filter(s -> s.total().compareTo(Points.ZERO) > 0)
			.sorted(Comparator.comparing(PersonScore::total).reversed().thenComparing(PersonScore::employeeNo))
			.limit(LEADERS)
			.toList();
		List<Leader> leaders = new ArrayList<>();
		for (PersonScore s : top) {
			leaders.add(new Leader(leaders.size() + 1, s.employeeNo(), s.name(), s.unitName(), s.total(),
					s.leadCases() + s.coCases()));
		}
		List<CategoryBest> best = ranking.categories().stream().map(c -> {
			List<Leader> holders = c.entries()
				.stream()
				.filter(Ranking.Entry::bestHandler)
				.map(e -> new Leader(e.rank(), e.employeeNo(), e.name(), e.unitName(), e.total(), 0))
				.toList();
			return new CategoryBest(c.category(), c.pool(), c.places(),
					List.copyOf(holders.subList(0, Math.min(BEST_SHOWN, holders.size()))), holders.size());
		}).toList();

		Map<Long, Dashboard.Review> review = reviewFigures(quarter, user);

		Map<Long, SquadAcc> squads = new LinkedHashMap<>();
		for (SquadCoverage s : squadCoverage) {
			SquadAcc acc = squads.computeIfAbsent(s.unitId(), id -> new SquadAcc(s.unitName(), s.unitType()));
			acc.coverage = s;
		}
		int assessed = 0;
		int met = 0;
		for (OfficerStandard o : officerStandards) {
			boolean counts = o.status().isAssessed(); // 免考核 and 未纳入 are outside the rate
			boolean ok = o.status() == StandardStatus.MET || o.status() == StandardStatus.HALVED_MET;
			if (counts) {
				assessed++;
				met += ok ? 1 : 0;
			}
			SquadAcc acc = o.unitType().isSquad()
					? squads.computeIfAbsent(o.unitId(), id -> new SquadAcc(o.unitName(), o.unitType())) : null;
			if (acc != null) {
				acc.officers++;
				if (counts) {
					acc.assessed++;
					acc.met += ok ? 1 : 0;
				}
			}
		}
		int behind = 0;
		for (OfficerHours h : hours.officers()) {
			behind += h.behind() ? 1 : 0;
			SquadAcc acc = squads.get(h.unitId());
			if (acc != null) {
				acc.hours = acc.hours.add(h.hours());
				acc.hoursOfficers++;
				acc.behind += h.behind() ? 1 : 0;
			}
		}
		List<SquadRow> rows = new ArrayList<>();
		int squadsCovered = 0;
		Map<UnitType, Integer> order = new HashMap<>();
		for (UnitType t : UnitType.values()) {
			order.put(t, t.ordinal());
		}
		for (Map.Entry<Long, SquadAcc> e : squads.entrySet()) {
			SquadAcc a = e.getValue();
			boolean coverageMet = a.coverage != null && a.coverage.outcome().met();
			squadsCovered += coverageMet ? 1 : 0;
			rows.add(new SquadRow(e.getKey(), a.name, a.type, a.officers, a.assessed, a.met,
					a.coverage == null ? 0 : a.coverage.outcome().covered(),
					a.coverage == null ? 0 : a.coverage.outcome().target(), coverageMet,
					a.coverage == null || a.coverage.outcome().nothingManaged(),
					a.hoursOfficers == 0 ? BigDecimal.ZERO.setScale(1)
							: a.hours.divide(BigDecimal.valueOf(a.hoursOfficers), 1, RoundingMode.HALF_UP),
					a.behind, review.getOrDefault(e.getKey(), Dashboard.Review.NONE)));
		}
		rows.sort(Comparator.comparing((SquadRow r) -> order.get(r.unitType())).thenComparing(SquadRow::unitName));
		Dashboard.Review all = review.values().stream().reduce(Dashboard.Review.NONE, Dashboard.Review::plus);
		Totals totals = new Totals(officerStandards.size(), concluded, assessed, met, rows.size(), squadsCovered,
				behind, hours.required(), hours.expected(), all);
		// overdue as of the figures' date, as the task board counts them: a past year's dashboard, 31 December of it
		List<Dashboard.OverdueTask> overdue = tasks.tasks(user, asOf)
			.stream()
			.filter(TaskOverview.TaskState::overdue)
			.map(t -> new Dashboard.OverdueTask(t.id(), t.taskNo(), t.theme(), t.measure()))
			.toList();
		return new Dashboard(quarter, asOf, totals, leaders, best, List.copyOf(rows), overdue);
	}

	/**
	 * per unit over the quarter, from the modules' set-based read APIs: legal review rates by
	 * month summed, simple-case reviews and monthly lists, evaluated files by grade, recording gaps.
	 */
	private Map<Long, Dashboard.Review> reviewFigures(Period quarter, CurrentUser user) {
		Map<Long, Dashboard.Review> byUnit = new HashMap<>();
		java.util.function.BiConsumer<Long, Dashboard.Review> add = (unit, r) -> byUnit.merge(unit, r,
				Dashboard.Review::plus);
		for (ReviewRates.Row r : reviewRates.rates(quarter, java.util.Optional.empty())) {
			add.accept(r.unitId(), new Dashboard.Review(r.concluded(), r.reviewed(), 0, 0, 0, 0, 0, 0, 0, 0));
		}
		for (CaseworkFigures.SquadFigures f : casework.forPeriod(quarter.start(), quarter.end()).values()) {
			add.accept(f.unitId(), new Dashboard.Review(0, 0, f.simpleCases(), f.sameDay(), f.listsDue(),
					f.listsOnTime(), 0, 0, 0, 0));
		}
		for (EvaluationResults.Row r : evaluations.results(quarter, java.util.Optional.empty(),
				java.util.Optional.empty())) {
			add.accept(r.unitId(), new Dashboard.Review(0, 0, 0, 0, 0, 0, r.excellent(), r.qualified(), r.failed(), 0));
		}
		for (SquadGaps g : recording.summary(new GapQuery(quarter.start(), quarter.end(), null, null, null), user)) {
			long gaps = g.counts().values().stream().mapToLong(Integer::longValue).sum();
			add.accept(g.unitId(), new Dashboard.Review(0, 0, 0, 0, 0, 0, 0, 0, 0, gaps));
		}
		return byUnit;
	}

	private static final class SquadAcc {

		final String name;

		final UnitType type;

		SquadCoverage coverage;

		int officers;

		int assessed;

		int met;

		BigDecimal hours = BigDecimal.ZERO;

		int hoursOfficers;

		int behind;

		SquadAcc(String name, UnitType type) {
			this.name = name;
			this.type = type;
		}

	}

}
