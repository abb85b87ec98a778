package cn.wucheng.cq.rollout;

import cn.wucheng.cq.organisation.UnitType;

/** A unit with the day the rules apply to it from; {@code since} is null when no batch exists at all. */
public record UnitRollout(long unitId, String unitName, UnitType unitType, RolloutSince since) {
}
