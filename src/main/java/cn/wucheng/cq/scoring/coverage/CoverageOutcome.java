package cn.wucheng.cq.scoring.coverage;

import java.math.BigDecimal;
import java.util.List;

/**
 * One squad's domain coverage: covered of managed domains, the rate in percent (two decimals), the target in
 * domains and whether it is met, and the managed domains without a case (in catalogue order).
 */
public record CoverageOutcome(int managed, int covered, BigDecimal rate, int target, boolean met, List<String> missing) {

	public CoverageOutcome {
		missing = List.copyOf(missing);
	}

	/** A squad with no managed domains (a 直属中队 whose subset is not configured): nothing can be measured. */
	public boolean nothingManaged() {
		return managed == 0;
	}

	/** whether the squad has managed domains; one without is 未配置 and never met. */
	public boolean configured() {
		return managed > 0;
	}

}
