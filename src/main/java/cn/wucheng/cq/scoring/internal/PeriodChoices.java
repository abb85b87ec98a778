package cn.wucheng.cq.scoring.internal;

import java.util.ArrayList;
import java.util.List;

import cn.wucheng.cq.shared.Period;

/**
 * The periods a page offers, grouped by year, newest first throughout (issue 13): the year, its quarters from Q4 down
 * and, unless quarters only, its months from December down.
 */
record PeriodChoices(List<YearGroup> years) {

	/** One year's options. */
	record YearGroup(int year, List<Period> periods) {
	}

	static PeriodChoices of(List<Integer> years, boolean quartersOnly) {
		List<YearGroup> groups = new ArrayList<>();
		for (int y : years) {
			List<Period> periods = new ArrayList<>();
			if (!quartersOnly) {
				periods.add(Period.year(y));
			}
			for (int q = 4; q >= 1; q--) {
				periods.add(Period.quarter(y, q));
			}
			if (!quartersOnly) {
				for (int m = 12; m >= 1; m--) {
					periods.add(Period.month(y, m));
				}
			}
			groups.add(new YearGroup(y, periods));
		}
		return new PeriodChoices(groups);
	}

}
