package cn.wucheng.cq.scoring.policy;

import cn.wucheng.cq.organisation.StaffCategory;

/**
 * R-23a: only formal officers (正式执法人员) earn points — attachment 1 scores 正式执法人员. An auxiliary recorded as a
 * handler (imported history, flagged under R-11) earns nothing for that case and appears in no score list; the other
 * handler's share is unchanged (R-23 computes each share on its own).
 */
public final class FormalOfficersEarn implements ScoringPolicy {

	@Override
	public String ruleId() {
		return "R-23a";
	}

	/** The staff category whose handlers earn their share; the ledger's SQL binds it. */
	public StaffCategory earningCategory() {
		return StaffCategory.FORMAL;
	}

	/** Whether a handler of this staff category earns his share of a case or award. */
	public boolean earns(StaffCategory category) {
		return category == earningCategory();
	}

}
