package cn.wucheng.cq.supervision.internal;

/** A place in the programme's leading group; labels are {@code supervision.programme.position.*}. */
enum LeadingGroupPosition {

	/** 组长: one person. */
	LEADER,
	/** 副组长: any number. */
	DEPUTY,
	/** 成员: people or a description (各科室、中队、指挥中心负责人). */
	MEMBER,
	/** 领导小组办公室: the unit that hosts it (法制科). */
	OFFICE

}
