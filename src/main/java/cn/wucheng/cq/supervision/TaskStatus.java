package cn.wucheng.cq.supervision;

/** Where a key task of attachment 4 stands. */
public enum TaskStatus {

	/** 未开始. */
	NOT_STARTED("未开始"),
	/** 进行中. */
	IN_PROGRESS("进行中"),
	/** 已完成. */
	DONE("已完成"),
	/** 逾期: the deadline passed and the task is not done. Decided by the system, never set by hand. */
	OVERDUE("逾期");

	private final String label;

	TaskStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
