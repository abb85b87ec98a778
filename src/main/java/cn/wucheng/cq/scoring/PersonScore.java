package cn.wucheng.cq.scoring;

import cn.wucheng.cq.organisation.StaffCategory;
import cn.wucheng.cq.organisation.UnitType;
import cn.wucheng.cq.shared.Points;

/**
 * A person's points in a period: quantity + quality + excellence, each exact. {@code unit} is the person's
 * unit on the last day of the period. Cases count where the person is lead or co-handler; awards do not count
 * as cases.
 */
public record PersonScore(long personId, String employeeNo, String name, StaffCategory staffCategory, long unitId,
		String unitName, UnitType unitType, Points quantity, Points quality, Points excellence, int leadCases,
		int coCases) {

	/** The exact total; shown with two decimals. */
	public Points total() {
		return quantity.plus(quality).plus(excellence);
	}

}
