package cn.wucheng.cq.scoring.policy;

import java.math.BigDecimal;
import java.util.Collection;

/**
 * R-21 质量分: a concluded case starts from 2 points and loses every deduction recorded against it in its returns
 * (退卷), whatever the date of the return; it never goes below 0 (扣完 2 分为止).
 */
public final class QualityPoints implements ScoringPolicy {

	/** The quality points of a case never returned. */
	public static final BigDecimal BASE = new BigDecimal("2");

	@Override
	public String ruleId() {
		return "R-21";
	}

	public BigDecimal base() {
		return BASE;
	}

	/** The quality points of one case given all deductions recorded against it. */
	public BigDecimal of(Collection<BigDecimal> deductions) {
		BigDecimal left = deductions.stream().reduce(BASE, BigDecimal::subtract);
		return left.signum() < 0 ? BigDecimal.ZERO : left;
	}

}
