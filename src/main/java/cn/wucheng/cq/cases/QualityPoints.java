package cn.wucheng.cq.cases;

import java.math.BigDecimal;

import cn.wucheng.cq.shared.Points;

/**
 * a concluded case's quality points are 2 minus every deduction recorded against it (all returns together),
 * never below 0 (扣完 2 分为止). Exact decimals. The case page shows it; scoring computes the same rule for the
 * score itself.
 */
public final class QualityPoints {

	public static final Points BASE = Points.of(2);

	private QualityPoints() {
	}

	public static Points of(BigDecimal deducted) {
		return BASE.minus(Points.of(deducted)).atLeastZero();
	}

}
