package cn.wucheng.cq.scoring.coverage;

import cn.wucheng.cq.organisation.UnitType;

/** The domain coverage of one squad. */
public record SquadCoverage(long unitId, String unitName, UnitType unitType, CoverageOutcome outcome) {

}
