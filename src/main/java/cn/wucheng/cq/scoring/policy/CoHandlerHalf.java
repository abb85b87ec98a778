package cn.wucheng.cq.scoring.policy;

import java.math.BigDecimal;

import cn.wucheng.cq.scoring.policy.HandlerRole;

/** the lead gets each component in full, the co-handler half of each (协办人员计分减半). */
public final class CoHandlerHalf implements ScoringPolicy {

	/** The lead's share of each component. */
	public static final BigDecimal LEAD_FACTOR = BigDecimal.ONE;

	/** The co-handler's share of each component: exactly one half (R-24: 0.25 is exact). */
	public static final BigDecimal CO_FACTOR = new BigDecimal("0.5");

	@Override
	public String ruleId() {
		return "R-23";
	}

	public BigDecimal factor(HandlerRole role) {
		return role == HandlerRole.LEAD ? LEAD_FACTOR : CO_FACTOR;
	}

	/** A handler's share of a component of a case or award. */
	public BigDecimal share(BigDecimal full, HandlerRole role) {
		return full.multiply(factor(role));
	}

}
