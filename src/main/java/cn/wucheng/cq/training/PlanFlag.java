package cn.wucheng.cq.training;

/** What is wrong with a squad's training plan of a year against the deadlines of R-60. */
public enum PlanFlag {

	/** First submitted after 31 January (moved to the next working day by R-27). */
	SUBMITTED_LATE,
	/** The deadline for submission has passed and the squad has submitted no plan. */
	NOT_SUBMITTED,
	/** Coordinated after the end of February (moved to the next working day by R-27). */
	COORDINATED_LATE,
	/** The end of February has passed and the plan is not coordinated. */
	NOT_COORDINATED

}
