package cn.wucheng.cq.dashboard.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import cn.wucheng.cq.organisation.UnitType;
import cn.wucheng.cq.shared.DataCache;
import cn.wucheng.cq.shared.Period;
import cn.wucheng.cq.shared.Points;

/**
 * What the dashboard shows for one quarter, computed once per quarter and data version (see {@link DashboardFigures}).
 * Every figure carries what is needed to link to the records behind it.
 */
public record Dashboard(Period quarter, LocalDate asOf, Totals totals, List<Leader> leaders, List<CategoryBest> best,
		List<SquadRow> squads, List<OverdueTask> overdueTasks) implements DataCache.Weighed {

	/** Its weight in the dashboards cache: its lists' rows. */
	@Override
	public long rows() {
		return 1L + leaders.size() + best.stream().mapToLong(b -> 1L + b.holders().size()).sum() + squads.size()
				+ overdueTasks.size();
	}

	/** The bureau's (or province's) headline figures. */
	public record Totals(int officers, int concludedCases, int standardsAssessed, int standardsMet, int squads,
			int squadsCovered, int officersBehindTraining, BigDecimal requiredHours, BigDecimal expectedHours,
			Review review) {

		public BigDecimal standardsRate() {
			return Dashboard.percent(standardsMet, standardsAssessed);
		}

		public BigDecimal coverageRate() {
			return Dashboard.percent(squadsCovered, squads);
		}

	}

	/**
	 * Review of every case and recording over the quarter, for one squad or all: ordinary cases
	 * concluded and legally reviewed, simple cases and those reviewed on the case day, monthly lists counted and
	 * submitted on time, evaluated files by grade, recording gaps.
	 */
	public record Review(long ordinaryConcluded, long ordinaryReviewed, long simpleCases, long sameDay, int listsDue,
			int listsOnTime, long excellent, long qualified, long failed, long recordingGaps) {

		static final Review NONE = new Review(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

		Review plus(Review o) {
			return new Review(ordinaryConcluded + o.ordinaryConcluded, ordinaryReviewed + o.ordinaryReviewed,
					simpleCases + o.simpleCases, sameDay + o.sameDay, listsDue + o.listsDue, listsOnTime + o.listsOnTime,
					excellent + o.excellent, qualified + o.qualified, failed + o.failed, recordingGaps + o.recordingGaps);
		}

		/** legally reviewed / concluded ordinary cases, in percent. */
		public BigDecimal reviewRate() {
			return Dashboard.percent(ordinaryReviewed, ordinaryConcluded);
		}

		/** simple cases reviewed on the case day / simple cases, in percent. */
		public BigDecimal sameDayRate() {
			return Dashboard.percent(sameDay, simpleCases);
		}

		public long evaluated() {
			return excellent + qualified + failed;
		}

	}

	/** A task of attachment 4 past its deadline. */
	public record OverdueTask(long id, int taskNo, String theme, String measure) {
	}

	/** One of the quarter's points leaders, linking to his breakdown. */
	public record Leader(int place, String employeeNo, String name, String unitName, Points total, int cases) {
	}

	/**
	 * A squad category's best handlers: the places, the first {@code holders} of those who hold them (a
	 * province has hundreds per category; all of them are on the rankings page) and how many hold one.
	 */
	public record CategoryBest(UnitType category, int pool, int places, List<Leader> holders, int holderCount) {
	}

	/** One squad's row: standards, coverage, training hours. */
	public record SquadRow(long unitId, String unitName, UnitType unitType, int officers, int standardsAssessed,
			int standardsMet, int domainsCovered, int domainsTarget, boolean coverageMet, boolean nothingManaged,
			BigDecimal averageHours, int behindTraining, Review review) {

		public BigDecimal standardsRate() {
			return Dashboard.percent(standardsMet, standardsAssessed);
		}

	}

	/** {@code part / whole} in percent with one decimal; zero when the whole is zero. */
	static BigDecimal percent(long part, long whole) {
		if (whole == 0) {
			return BigDecimal.ZERO.setScale(1);
		}
		return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, java.math.RoundingMode.HALF_UP);
	}

}
