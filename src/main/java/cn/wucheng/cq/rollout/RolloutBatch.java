package cn.wucheng.cq.rollout;

import java.time.LocalDate;

import cn.wucheng.cq.organisation.UnitType;

/** One batch of the rollout: the squads of one category start the programme's rules in this window. */
public record RolloutBatch(long id, int batchYear, UnitType unitType, LocalDate startsOn, LocalDate endsOn, int version) {
}
