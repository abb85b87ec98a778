package cn.wucheng.cq.scoring.policy;

/**
 * A rule of the points system (积分制) as a small, pure, named policy that cites its rule id of RULES.md.
 * All of them are listed in {@link ScoringPolicies#all()}; the set-based SQL of the ledger takes its numbers from them.
 */
public interface ScoringPolicy {

	/** The rule id of RULES.md, e.g. {@code R-20}. */
	String ruleId();

	/** The policy's name, e.g. {@code QuantityPoints}. */
	default String name() {
		return getClass().getSimpleName();
	}

}
