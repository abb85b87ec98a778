package cn.wucheng.cq.dashboard.internal;

import java.math.BigDecimal;
import java.util.List;

import cn.wucheng.cq.bureau.Bureau;

/**
 * One bureau's results of a quarter, as a city or the province compares them (issue 16 item 3): each figure is the one
 * the bureau's own dashboard shows ({@link Dashboard}, computed within the bureau), so the two never disagree.
 *
 * @param leaders the first three points leaders
 * @param bestPlaces best-handler places given over the categories, {@code bestHolders} how many hold one
 * @param tasksDone tasks of attachment 4 (任务清单) done, of {@code tasks}
 */
public record BureauResults(Bureau bureau, List<Dashboard.Leader> leaders, int bestPlaces, int bestHolders,
		Dashboard.Totals totals, int tasksDone, int tasks) {

	/** officers who met their standard / those assessed, in percent. */
	public BigDecimal standardsRate() {
		return totals.standardsRate();
	}

	/** squads that cover their domains / squads, in percent. */
	public BigDecimal coverageRate() {
		return totals.coverageRate();
	}

	/** ordinary cases legally reviewed / concluded, in percent. */
	public BigDecimal reviewRate() {
		return totals.review().reviewRate();
	}

	/** simple cases reviewed on the case day, in percent. */
	public BigDecimal sameDayRate() {
		return totals.review().sameDayRate();
	}

	/** officers on track with their training hours, in percent of the officers. */
	public BigDecimal trainingRate() {
		int officers = totals.officers();
		return Dashboard.percent(officers - Math.min(officers, totals.officersBehindTraining()), officers);
	}

}
