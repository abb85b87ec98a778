package cn.wucheng.cq.supervision.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

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
import cn.wucheng.cq.shared.Period;
import cn.wucheng.cq.shared.Points;
import cn.wucheng.cq.training.TrainingOverview;

/**
 * The figures of a year for the target-responsibility assessment (目标责任制考核) and each officer's annual appraisal
 * from the modules' set-based APIs: a constant number of queries whatever the size of the bureau (the year's
 * and each quarter's scores and rankings, each quarter's standards, the year's training hours, coverage, review
 * rates, monthly lists, recording gaps and evaluation results), joined in memory.
 * Every formal officer is listed (the training-hours list, which has them all, is the base), with his unit on the day
 * judged.
 */
@Service
class Assessment {

	/**
	 * One formal officer's year. {@code quarterPoints}, {@code quarterRanks} and {@code standards} have four entries
	 * (null = not yet, or not ranked: organ officers); {@code bestHandler} counts the quarters he was named 最佳办案能手
	 * {@code grades} are the evaluation grades of the files he handled.
	 */
	record OfficerRow(long personId, String employeeNo, String name, long unitId, String unitName, UnitType unitType,
			List<Points> quarterPoints, Points yearPoints, Integer rank, List<StandardStatus> standards,
			BigDecimal trainingHours, List<Integer> quarterRanks, int bestHandler, Grades grades) {

		/** Quarters in which the officer met the standard (达标 or 减半达标). */
		public int standardsMet() {
			return (int) standards.stream().filter(s -> s != null && s.isMet()).count();
		}

		/** Quarters in which the officer was assessed (not exempt, not in the future). */
		public int standardsAssessed() {
			return (int) standards.stream().filter(s -> s != null && s.isAssessed()).count();
		}

	}

	/** Evaluated files: drawn, scored, and how many of each grade. */
	record Grades(long files, long scored, long excellent, long qualified, long failed) {

		static final Grades NONE = new Grades(0, 0, 0, 0, 0);

		Grades plus(Grades o) {
			return new Grades(files + o.files, scored + o.scored, excellent + o.excellent, qualified + o.qualified,
					failed + o.failed);
		}

	}

	/**
	 * A unit's work figures of the year (R-73 per unit): ordinary cases concluded and reviewed, simple cases
	 * and those reviewed, monthly lists due and on time, recording gaps and the evaluation
	 * results of its files (R-43, 评选结果纳入工作目标责任制考核).
	 */
	record UnitWork(long ordinaryConcluded, long ordinaryReviewed, long simpleCases, long simpleReviewed,
			int listsDue, int listsOnTime, int recordingGaps, Grades evaluation) {

		static final UnitWork NONE = new UnitWork(0, 0, 0, 0, 0, 0, 0, Grades.NONE);

		BigDecimal reviewRate() {
			return ReviewRates.rate(ordinaryReviewed, ordinaryConcluded);
		}

		BigDecimal simpleReviewRate() {
			return ReviewRates.rate(simpleReviewed, simpleCases);
		}

		BigDecimal listsOnTimeRate() {
			return ReviewRates.rate(listsOnTime, listsDue);
		}

	}

	/**
	 * One unit's year. Rates are percentages with two decimals; null when nothing was measured. {@code bestHandler}
	 * is its officers' summed; the grades are those of its files ({@code work.evaluation()}), not its officers' summed,
	 * which would count a file twice when lead and co-handler are of the same unit.
	 */
	record UnitRow(long unitId, String unitName, UnitType unitType, int officers, Points totalPoints,
			BigDecimal averagePoints, int standardsMet, int standardsAssessed, BigDecimal standardsRate,
			SquadCoverage coverage, BigDecimal trainingHours, BigDecimal averageHours, int bestHandler,
			UnitWork work) {
	}

	/** The year's figures as on {@code asOf} (the last day counted). */
	record Year(int year, LocalDate asOf, int quartersCounted, List<OfficerRow> officers, List<UnitRow> units) {
	}

	private final ScoreLedger ledger;

	private final CaseStandards standards;

	private final TrainingOverview training;

	private final DomainCoverage coverage;

	private final ReviewRates reviewRates;

	private final CaseworkFigures casework;

	private final RecordingCompliance recording;

	private final EvaluationResults evaluation;

	Assessment(ScoreLedger ledger, CaseStandards standards, TrainingOverview training, DomainCoverage coverage,
			ReviewRates reviewRates, CaseworkFigures casework, RecordingCompliance recording,
			EvaluationResults evaluation) {
		this.ledger = ledger;
		this.standards = standards;
		this.training = training;
		this.coverage = coverage;
		this.reviewRates = reviewRates;
		this.casework = casework;
		this.recording = recording;
		this.evaluation = evaluation;
	}

	/**
	 * The year's figures; quarters that have not started by {@code today} are left empty. No transaction around the
	 * whole: each figure is one read that takes a pooled connection and gives it back, so ten exports at once do not
	 * hold ten connections for seconds each (issue 11, OneConnectionPerRequestTests: it held one for over 2 s).
	 */
	Year year(int year, LocalDate today) {
		LocalDate asOf = today.isBefore(LocalDate.of(year, 12, 31)) ? today : LocalDate.of(year, 12, 31);
		int quarters = asOf.getYear() < year ? 0 : Period.quarterOf(asOf).number();
		List<Map<Long, Points>> quarterPoints = new ArrayList<>();
		List<Map<Long, StandardStatus>> quarterStandards = new ArrayList<>();
		List<Map<Long, Ranking.Entry>> quarterRanks = new ArrayList<>();
		for (int q = 1; q <= 4; q++) {
			Map<Long, Points> points = new HashMap<>();
			Map<Long, StandardStatus> status = new HashMap<>();
			Map<Long, Ranking.Entry> ranks = new HashMap<>();
			if (q <= quarters) {
				Period quarter = Period.quarter(year, q);
				for (PersonScore s : ledger.scores(quarter)) {
					points.put(s.personId(), s.total());
				}
				// the quarter's ranking as published (rank within the squad category, 最佳办案能手)
				for (Ranking.Category c : ledger.rankings(quarter, ScoreScope.EVERYONE).categories()) {
					c.entries().forEach(e -> ranks.put(e.personId(), e));
				}
				for (OfficerStandard s : standards.forQuarter(quarter, SystemReader.BUREAU)) {
					status.put(s.personId(), s.status());
				}
			}
			quarterPoints.add(points);
			quarterStandards.add(status);
			quarterRanks.add(ranks);
		}
		Map<Long, Points> yearPoints = new HashMap<>();
		for (PersonScore s : ledger.scores(Period.year(year))) {
			yearPoints.put(s.personId(), s.total());
		}
		LocalDate start = LocalDate.of(year, 1, 1);
		boolean started = !asOf.isBefore(start);
		Map<Long, EvaluationResults.HandlerRow> graded = started ? evaluation.byHandler(start, asOf) : Map.of();
		List<OfficerRow> officers = new ArrayList<>();
		for (TrainingOverview.OfficerHours h : training.hours(year, SystemReader.BUREAU, asOf).officers()) {
			List<Points> qp = new ArrayList<>();
			List<StandardStatus> st = new ArrayList<>();
			List<Integer> qr = new ArrayList<>();
			int best = 0;
			for (int q = 0; q < 4; q++) {
				qp.add(q < quarters ? quarterPoints.get(q).getOrDefault(h.personId(), Points.ZERO) : null);
				st.add(q < quarters ? quarterStandards.get(q).get(h.personId()) : null);
				Ranking.Entry e = q < quarters ? quarterRanks.get(q).get(h.personId()) : null;
				qr.add(e == null ? null : e.rank());
				best += e != null && e.bestHandler() ? 1 : 0;
			}
			EvaluationResults.HandlerRow g = graded.get(h.personId());
			officers.add(new OfficerRow(h.personId(), h.employeeNo(), h.name(), h.unitId(), h.unitName(), h.unitType(),
					qp, yearPoints.getOrDefault(h.personId(), Points.ZERO), null, st, h.hours(), qr, best,
					g == null ? Grades.NONE
							: new Grades(g.files(), g.scored(), g.excellent(), g.qualified(), g.failed())));
		}
		officers = ranked(officers);
		List<SquadCoverage> squads = asOf.getYear() == year
				? coverage.coverage(year, asOf, SystemReader.BUREAU) : List.of();
		return new Year(year, asOf, quarters, officers,
				units(officers, squads, started ? work(start, asOf) : Map.of()));
	}

	/**
	 * R-73 per unit: the review, list, recording and evaluation figures of each unit from January to {@code asOf},
	 * from the same read APIs the pages use (R-42 {@link ReviewRates}, R-40/R-41 {@link CaseworkFigures}, R-50–R-52
	 * {@link RecordingCompliance}, R-43 {@link EvaluationResults}): one pass each, summed per unit.
	 */
	private Map<Long, UnitWork> work(LocalDate from, LocalDate asOf) {
		Map<Long, UnitWork> work = new HashMap<>();
		for (ReviewRates.Row r : reviewRates.rates(from, asOf, Optional.empty())) {
			UnitWork w = work.getOrDefault(r.unitId(), UnitWork.NONE);
			work.put(r.unitId(), new UnitWork(w.ordinaryConcluded() + r.concluded(),
					w.ordinaryReviewed() + r.reviewed(), w.simpleCases(), w.simpleReviewed(), w.listsDue(),
					w.listsOnTime(), w.recordingGaps(), w.evaluation()));
		}
		for (CaseworkFigures.SquadFigures f : casework.forPeriod(from, asOf).values()) {
			UnitWork w = work.getOrDefault(f.unitId(), UnitWork.NONE);
			work.put(f.unitId(), new UnitWork(w.ordinaryConcluded(), w.ordinaryReviewed(), f.simpleCases(),
					f.reviewed(), f.listsDue(), f.listsOnTime(), w.recordingGaps(), w.evaluation()));
		}
		for (SquadGaps g : recording.summary(new GapQuery(from, asOf, null, null, null), null)) {
			UnitWork w = work.getOrDefault(g.unitId(), UnitWork.NONE);
			work.put(g.unitId(), new UnitWork(w.ordinaryConcluded(), w.ordinaryReviewed(), w.simpleCases(),
					w.simpleReviewed(), w.listsDue(), w.listsOnTime(), g.total(), w.evaluation()));
		}
		for (EvaluationResults.Row r : evaluation.results(from, asOf, Optional.empty(), Optional.empty())) {
			UnitWork w = work.getOrDefault(r.unitId(), UnitWork.NONE);
			work.put(r.unitId(), new UnitWork(w.ordinaryConcluded(), w.ordinaryReviewed(), w.simpleCases(),
					w.simpleReviewed(), w.listsDue(), w.listsOnTime(), w.recordingGaps(), w.evaluation()
						.plus(new Grades(r.files(), r.scored(), r.excellent(), r.qualified(), r.failed()))));
		}
		return work;
	}

	/**
	 * R-30 over the year: formal officers of squads ranked within their squad category by the year's points,
	 * descending; equal totals share a rank (1, 2, 2, 4). Organ officers are not ranked.
	 */
	static List<OfficerRow> ranked(List<OfficerRow> officers) {
		Map<UnitType, List<OfficerRow>> byType = new EnumMap<>(UnitType.class);
		for (OfficerRow o : officers) {
			if (o.unitType().isSquad()) {
				byType.computeIfAbsent(o.unitType(), t -> new ArrayList<>()).add(o);
			}
		}
		Map<Long, Integer> ranks = new HashMap<>();
		for (List<OfficerRow> pool : byType.values()) {
			pool.sort(Comparator.comparing(OfficerRow::yearPoints).reversed());
			for (int i = 0; i < pool.size(); i++) {
				int rank = i > 0 && pool.get(i).yearPoints().equals(pool.get(i - 1).yearPoints())
						? ranks.get(pool.get(i - 1).personId()) : i + 1;
				ranks.put(pool.get(i).personId(), rank);
			}
		}
		return officers.stream()
			.map(o -> new OfficerRow(o.personId(), o.employeeNo(), o.name(), o.unitId(), o.unitName(), o.unitType(),
					o.quarterPoints(), o.yearPoints(), ranks.get(o.personId()), o.standards(), o.trainingHours(),
					o.quarterRanks(), o.bestHandler(), o.grades()))
			.toList();
	}

	private static List<UnitRow> units(List<OfficerRow> officers, List<SquadCoverage> squads,
			Map<Long, UnitWork> work) {
		Map<Long, List<OfficerRow>> byUnit = new LinkedHashMap<>();
		for (OfficerRow o : officers) {
			byUnit.computeIfAbsent(o.unitId(), k -> new ArrayList<>()).add(o);
		}
		Map<Long, SquadCoverage> coverageOf = new HashMap<>();
		squads.forEach(s -> coverageOf.put(s.unitId(), s));
		// squads without formal officers still appear with their coverage
		for (SquadCoverage s : squads) {
			byUnit.putIfAbsent(s.unitId(), new ArrayList<>());
		}
		List<UnitRow> rows = new ArrayList<>();
		for (Map.Entry<Long, List<OfficerRow>> e : byUnit.entrySet()) {
			List<OfficerRow> list = e.getValue();
			SquadCoverage cov = coverageOf.get(e.getKey());
			String name = list.isEmpty() ? cov.unitName() : list.get(0).unitName();
			UnitType type = list.isEmpty() ? cov.unitType() : list.get(0).unitType();
			Points total = list.stream().map(OfficerRow::yearPoints).reduce(Points.ZERO, Points::plus);
			int met = list.stream().mapToInt(OfficerRow::standardsMet).sum();
			int assessed = list.stream().mapToInt(OfficerRow::standardsAssessed).sum();
			BigDecimal hours = list.stream().map(OfficerRow::trainingHours).reduce(BigDecimal.ZERO, BigDecimal::add);
			int best = list.stream().mapToInt(OfficerRow::bestHandler).sum();
			rows.add(new UnitRow(e.getKey(), name, type, list.size(), total,
					list.isEmpty() ? null : total.exact().divide(BigDecimal.valueOf(list.size()), 2, RoundingMode.HALF_UP),
					met, assessed, percent(met, assessed), cov, hours,
					list.isEmpty() ? null : hours.divide(BigDecimal.valueOf(list.size()), 2, RoundingMode.HALF_UP),
					best, work.getOrDefault(e.getKey(), UnitWork.NONE)));
		}
		rows.sort(Comparator.comparing((UnitRow u) -> u.unitType().ordinal()).thenComparing(UnitRow::unitName));
		return rows;
	}

	static BigDecimal percent(int part, int whole) {
		return whole == 0 ? null
				: BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(whole), 2,
						RoundingMode.HALF_UP);
	}

}
