package cn.wucheng.cq.scoring.coverage;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * R-34 targets by the deadline (30 Sept by default): 直属中队 a percentage of its managed domains (100), 一类中队 and
 * 二类中队 a number of domains (15 and 8). All editable in the rule settings (COVERAGE_TARGET_*).
 */
public record CoverageTargets(BigDecimal directPercent, int class1Domains, int class2Domains) {

	/** The programme's values: 100%, 15 domains (50%), 8 domains (27%). */
	public static final CoverageTargets PROGRAMME = new CoverageTargets(new BigDecimal("100"), 15, 8);

	public CoverageTargets {
		Objects.requireNonNull(directPercent, "directPercent");
		if (directPercent.signum() < 0 || class1Domains < 0 || class2Domains < 0) {
			throw new IllegalArgumentException("领域覆盖目标不能为负数");
		}
	}

}
