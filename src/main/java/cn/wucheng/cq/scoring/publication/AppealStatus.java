package cn.wucheng.cq.scoring.publication;

/** An appeal's (申诉) outcome. Labels: publication.appeal.status.* */
public enum AppealStatus {

	/** 待处理: filed, not yet decided by the legal section. */
	OPEN,
	/** 申诉成立: the legal section corrects the data; the ranking follows while the quarter is not final. */
	UPHELD,
	/** 申诉不成立: rejected with a reason. */
	REJECTED

}
