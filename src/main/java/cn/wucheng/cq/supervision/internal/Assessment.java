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

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.wucheng.cq.organisation.UnitType;
import cn.wucheng.cq.scoring.PersonScore;
import cn.wucheng.cq.scoring.ScoreLedger;
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
 * and each quarter's scores, each quarter's standards, the year's training hours, coverage), joined in memory.
 * Every formal officer is listed (the training-hours list, which has them all, is the base), with his unit on the day
 * judged.
 */
@Service
class Assessment {

	/** One formal officer's year. {@code quarterPoints} and {@code standards} have four entries (null = not yet). */
	record OfficerRow(long personId, String employeeNo, String name, long unitId, String unitName, UnitType unitType,
			List<Points> quarterPoints, Points yearPoints, Integer rank, List<StandardStatus> standards,
			BigDecimal trainingHours) {

		/** Quarters in which the officer met the standard (达标 or 减半达标). */
		public int standardsMet() {
			return (int) standards.stream().filter(s -> s != null && s.isMet()).count();
		}

		/** Quarters in which the officer was assessed (not exempt, not in the future). */
		public int standardsAssessed() {
			return (int) standards.stream().filter(s -> s != null && s.isAssessed()).count();
		}

	}

	/** One unit's year. Rates are percentages with two decimals; null when nothing was measured. */
	record UnitRow(long unitId, String unitName, UnitType unitType, int officers, Points totalPoints,
			BigDecimal averagePoints, int standardsMet, int standardsAssessed, BigDecimal standardsRate,
			SquadCoverage coverage, BigDecimal trainingHours, BigDecimal averageHours) {
	}

	/** The year's figures as on {@code asOf} (the last day counted). */
	record Year(int year, LocalDate asOf, int quartersCounted, List<OfficerRow> officers, List<UnitRow> units) {
	}

	private final ScoreLedger ledger;

	private final CaseStandards standards;

	private final TrainingOverview training;

	private final DomainCoverage coverage;

	Assessment(ScoreLedger ledger, CaseStandards standards, TrainingOverview training, DomainCoverage coverage) {
		this.ledger = ledger;
		this.standards = standards;
		this.training = training;
		this.coverage = coverage;
	}

	/** The year's figures; quarters that have not started by {@code today} are left empty. */
	@Transactional(readOnly = true)
	Year year(int year, LocalDate today) {
		LocalDate asOf = today.isBefore(LocalDate.of(year, 12, 31)) ? today : LocalDate.of(year, 12, 31);
		int quarters = asOf.getYear() < year ? 0 : Period.quarterOf(asOf).number();
		List<Map<Long, Points>> quarterPoints = new ArrayList<>();
		List<Map<Long, StandardStatus>> quarterStandards = new ArrayList<>();
		for (int q = 1; q <= 4; q++) {
			Map<Long, Points> points = new HashMap<>();
			Map<Long, StandardStatus> status = new HashMap<>();
			if (q <= quarters) {
				Period quarter = Period.quarter(year, q);
				for (PersonScore s : ledger.scores(quarter)) {
					points.put(s.personId(), s.total());
				}
				for (OfficerStandard s : standards.forQuarter(quarter, SystemReader.BUREAU)) {
					status.put(s.personId(), s.status());
				}
			}
			quarterPoints.add(points);
			quarterStandards.add(status);
		}
		Map<Long, Points> yearPoints = new HashMap<>();
		for (PersonScore s : ledger.scores(Period.year(year))) {
			yearPoints.put(s.personId(), s.total());
		}
		List<OfficerRow> officers = new ArrayList<>();
		for (TrainingOverview.OfficerHours h : training.hours(year, SystemReader.BUREAU, asOf).officers()) {
			List<Points> qp = new ArrayList<>();
			List<StandardStatus> st = new ArrayList<>();
			for (int q = 0; q < 4; q++) {
				qp.add(q < quarters ? quarterPoints.get(q).getOrDefault(h.personId(), Points.ZERO) : null);
				st.add(q < quarters ? quarterStandards.get(q).get(h.personId()) : null);
			}
			officers.add(new OfficerRow(h.personId(), h.employeeNo(), h.name(), h.unitId(), h.unitName(), h.unitType(),
					qp, yearPoints.getOrDefault(h.personId(), Points.ZERO), null, st, h.hours()));
		}
		officers = ranked(officers);
		List<SquadCoverage> squads = asOf.getYear() == year
				? coverage.coverage(year, asOf, SystemReader.BUREAU) : List.of();
		return new Year(year, asOf, quarters, officers, units(officers, squads));
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
					o.quarterPoints(), o.yearPoints(), ranks.get(o.personId()), o.standards(), o.trainingHours()))
			.toList();
	}

	private static List<UnitRow> units(List<OfficerRow> officers, List<SquadCoverage> squads) {
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
			rows.add(new UnitRow(e.getKey(), name, type, list.size(), total,
					list.isEmpty() ? null : total.exact().divide(BigDecimal.valueOf(list.size()), 2, RoundingMode.HALF_UP),
					met, assessed, percent(met, assessed), cov, hours,
					list.isEmpty() ? null : hours.divide(BigDecimal.valueOf(list.size()), 2, RoundingMode.HALF_UP)));
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
