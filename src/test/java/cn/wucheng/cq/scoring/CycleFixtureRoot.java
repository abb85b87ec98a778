package cn.wucheng.cq.scoring;

import cn.wucheng.cq.scoring.cyclefixture.SubSide;

/** The root side of a package cycle that ScoringPackageCyclesTests must refuse (test code only). */
public class CycleFixtureRoot {

	SubSide other;

}
