package cn.wucheng.cq.supervision.internal;

/** The kinds of deadline in the 完成时限 column of attachment 4. */
public enum DeadlineKind {

	/** A date each year, e.g. 9月底前 (due_month, due_day; day 31 = the month's last day). */
	ONE_OFF,
	/** A day of every month, e.g. 每月15日前 (due_day; 31 = the month's last day). */
	MONTHLY,
	/** One window per squad category: the rollout batches. */
	PER_SQUAD_CATEGORY,
	/** 长期: no deadline, never overdue. */
	LONG_TERM

}
