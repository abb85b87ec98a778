package cn.wucheng.cq.rollout;

import java.time.LocalDate;

import cn.wucheng.cq.organisation.UnitType;

/**
 * From when the programme's rules apply to a unit: the start of its category's first batch — or the squad's
 * own earlier start recorded by the legal section ({@code ownStart}) — that batch's year and its number within the
 * year (第N批, by start date). Pages say "本中队自 {@code startsOn} 起执行本制度（第N批）" with the fragment
 * {@code rollout/since :: since(${s})}.
 */
public record RolloutSince(LocalDate startsOn, int batchYear, int batchNo, UnitType batchType, boolean ownStart) {

	/** the same batch with the squad's own (earlier) start date. */
	public RolloutSince startingOn(LocalDate own) {
		return new RolloutSince(own, batchYear, batchNo, batchType, true);
	}

}
