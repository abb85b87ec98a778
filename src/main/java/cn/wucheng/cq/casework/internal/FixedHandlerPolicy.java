package cn.wucheng.cq.casework.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * R-13 (中队不得固定专人办理案件): within a squad and quarter, a person who is a handler (lead or co-handler) of more
 * than {@code share} of the squad's cases is warned of — only when the squad has at least {@code minCases} cases.
 * Defaults 40% and 10 (settings FIXED_HANDLER_SHARE, FIXED_HANDLER_MIN_CASES).
 */
record FixedHandlerPolicy(BigDecimal share, int minCases) {

	/** Exact: n / total > share, compared as n > share × total, so 4 of 10 at 40% is not more than the share. */
	boolean warns(long handled, long total) {
		return total >= minCases && total > 0 && BigDecimal.valueOf(handled).compareTo(share.multiply(BigDecimal.valueOf(total))) > 0;
	}

	/** The share as a percentage with one decimal, for display. */
	static BigDecimal percent(long handled, long total) {
		return total == 0 ? BigDecimal.ZERO
				: BigDecimal.valueOf(handled * 100).divide(BigDecimal.valueOf(total), 1, RoundingMode.HALF_UP);
	}

}
