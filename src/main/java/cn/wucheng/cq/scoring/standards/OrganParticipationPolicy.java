package cn.wucheng.cq.scoring.standards;

/**
 * R-33 机关参与: each organ officer (科室, 指挥中心) is a handler (lead or co-handler) of at least a minimum of ordinary
 * cases (including 重大疑难) concluded in each quarter — one by default (setting ORGAN_ORDINARY_MIN). No age rule.
 */
public final class OrganParticipationPolicy implements cn.wucheng.cq.scoring.policy.ScoringPolicy {

	public static final String RULE_ID = "R-33";

	private final int ordinaryMinimum;

	public OrganParticipationPolicy(int ordinaryMinimum) {
		if (ordinaryMinimum < 0) {
			throw new IllegalArgumentException("the organ minimum cannot be negative: " + ordinaryMinimum);
		}
		this.ordinaryMinimum = ordinaryMinimum;
	}

	@Override
	public String ruleId() {
		return RULE_ID;
	}

	public int ordinaryMinimum() {
		return ordinaryMinimum;
	}

	public StandardOutcome assess(CaseCounts done) {
		CaseCounts required = new CaseCounts(0, ordinaryMinimum);
		StandardStatus status = done.ordinary() >= ordinaryMinimum ? StandardStatus.MET : StandardStatus.NOT_MET;
		return new StandardOutcome(StandardRule.ORGAN_PARTICIPATION, required, done, status);
	}

}
