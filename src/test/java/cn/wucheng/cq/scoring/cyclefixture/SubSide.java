package cn.wucheng.cq.scoring.cyclefixture;

import cn.wucheng.cq.scoring.CycleFixtureRoot;

/** The sub-package side of a package cycle that ScoringPackageCyclesTests must refuse (test code only). */
public class SubSide {

	CycleFixtureRoot root;

}
