package cn.wucheng.cq.scoring.standards;

import cn.wucheng.cq.organisation.UnitType;

/** One formal officer's case-handling standard for a quarter, with the unit he belonged to on its last day. */
public record OfficerStandard(long personId, String employeeNo, String name, long unitId, String unitName,
		UnitType unitType, StandardOutcome outcome) {

	public StandardRule rule() {
		return outcome.rule();
	}

	public StandardStatus status() {
		return outcome.status();
	}

}
