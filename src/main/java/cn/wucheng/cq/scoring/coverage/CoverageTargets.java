package cn.wucheng.cq.scoring.coverage;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * R-34 targets by the deadline (30 Sept by default), each a percentage of the squad's managed domains: 直属中队 100,
 * 一类中队 50, 二类中队 27 — with the default 30-domain catalogue 30, 15 and 8 domains, as the programme says. All
 * editable in the rule settings (COVERAGE_TARGET_*_PERCENT).
 */
public record CoverageTargets(BigDecimal directPercent, BigDecimal class1Percent, BigDecimal class2Percent) {

	/** The programme's values: 100%, 50% (15 of 30 domains), 27% (8 of 30 domains). */
	public static final CoverageTargets PROGRAMME = new CoverageTargets(new BigDecimal("100"), new BigDecimal("50"),
			new BigDecimal("27"));

	public CoverageTargets {
		Objects.requireNonNull(directPercent, "directPercent");
		Objects.requireNonNull(class1Percent, "class1Percent");
		Objects.requireNonNull(class2Percent, "class2Percent");
		if (directPercent.signum() < 0 || class1Percent.signum() < 0 || class2Percent.signum() < 0) {
			throw new IllegalArgumentException("coverage targets cannot be negative");
		}
	}

}
