package cn.wucheng.cq.recording;

import java.util.Map;

import cn.wucheng.cq.organisation.UnitType;
import cn.wucheng.cq.rollout.RolloutSince;

/**
 * A unit's number of gaps of each kind (every kind present, zero when none), for a period or, with {@code month},
 * one month of a year (0 when the figures are for the whole query); {@code since} says from when it is covered.
 */
public record SquadGaps(long unitId, String unitName, UnitType unitType, int month, Map<GapKind, Integer> counts,
		RolloutSince since) {

	public SquadGaps {
		counts = Map.copyOf(counts);
	}

	public int count(GapKind kind) {
		return counts.getOrDefault(kind, 0);
	}

	public int total() {
		return counts.values().stream().mapToInt(Integer::intValue).sum();
	}

	/** R-51's two kinds together. */
	public int byRule(String ruleId) {
		return counts.entrySet().stream().filter(e -> e.getKey().ruleId().equals(ruleId))
			.mapToInt(Map.Entry::getValue).sum();
	}

}
