package cn.wucheng.cq.scoring.standards;

/**
 * R-32 "原则上": why the legal section exempts one person from the case-handling standard for one quarter. Labels are
 * {@code standards.exemption.kind.<name>} in messages-standards.properties.
 */
public enum ExemptionReason {

	/** 长期病假: long sick leave. */
	SICK_LEAVE,
	/** 产假: maternity leave. */
	MATERNITY,
	/** 借调: secondment to another body. */
	SECONDMENT,
	/** 挂职: a temporary post elsewhere. */
	TEMPORARY_POST

}
