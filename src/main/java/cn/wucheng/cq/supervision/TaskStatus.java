package cn.wucheng.cq.supervision;

import cn.wucheng.cq.shared.BundledText;

/** Where a key task of attachment 4 stands. */
public enum TaskStatus {

	/** 未开始. */
	NOT_STARTED,
	/** 进行中. */
	IN_PROGRESS,
	/** 已完成. */
	DONE,
	/** 逾期: the deadline passed and the task is not done. Decided by the system, never set by hand. */
	OVERDUE;

	/** The status as users read it (messages-supervision.properties, supervision.taskStatus.*). */
	public String label() {
		return BundledText.of("messages-supervision", "supervision.taskStatus." + name());
	}

}
