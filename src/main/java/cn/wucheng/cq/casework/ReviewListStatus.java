package cn.wucheng.cq.casework;

/** The states of a squad's monthly review list (审核清单, R-41), in order. */
public enum ReviewListStatus {

	/** 草稿: assembled from the month's reviews; not yet signed. */
	DRAFT,
	/** 已签字: signed electronically by the squad leader (中队长签字). */
	SIGNED,
	/** 已报送: submitted to 法制科; final. */
	SUBMITTED

}
