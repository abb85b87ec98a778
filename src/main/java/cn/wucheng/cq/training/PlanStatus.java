package cn.wucheng.cq.training;

/** Where an annual training plan (培训计划) stands. */
public enum PlanStatus {

	/** 草稿: the squad is writing it; items can change. */
	DRAFT,
	/** 已报送: submitted to the legal section; waiting for coordination. */
	SUBMITTED,
	/** 退回修改: the legal section sent it back with a reason; items can change, then it is submitted again. */
	CHANGES_REQUESTED,
	/** 已统筹: coordinated by the legal section; sessions may be held from its items. Final. */
	COORDINATED;

	/** Whether the squad may still change the items. */
	public boolean isEditable() {
		return this == DRAFT || this == CHANGES_REQUESTED;
	}

}
