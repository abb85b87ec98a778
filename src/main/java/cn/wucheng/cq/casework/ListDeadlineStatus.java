package cn.wucheng.cq.casework;

/** How a squad's monthly list stands against its deadline, the 15th of the next month. */
public enum ListDeadlineStatus {

	/** 按时报送: submitted on or before the deadline. */
	ON_TIME,
	/** 逾期报送: submitted after the deadline. */
	LATE,
	/** 未报送: not submitted and the deadline has passed. */
	MISSING,
	/** 待报送: not submitted yet, the deadline is still ahead. */
	PENDING,
	/** 无简易案件: the squad had no simple case in the month (after its rollout start): no list is due. */
	NO_CASES,
	/** 尚未适用: the month ended before the squad's rollout start. */
	NOT_APPLICABLE

}
