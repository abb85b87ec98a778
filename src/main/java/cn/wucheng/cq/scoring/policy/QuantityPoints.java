package cn.wucheng.cq.scoring.policy;

import java.math.BigDecimal;

import cn.wucheng.cq.cases.CaseCategory;

/**
 * R-20 数量分: each concluded case gives 简易程序 0.5, 普通程序 5, 重大疑难 10 points (before the co-handler's half,
 * The numbers live on {@link CaseCategory} so that the enum, this policy and the ledger's SQL cannot disagree.
 */
public final class QuantityPoints implements ScoringPolicy {

	@Override
	public String ruleId() {
		return "R-20";
	}

	/** The quantity points of one concluded case of this category. */
	public BigDecimal of(CaseCategory category) {
		return category.quantityPoints();
	}

}
