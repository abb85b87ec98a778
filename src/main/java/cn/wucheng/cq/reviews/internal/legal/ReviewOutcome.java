package cn.wucheng.cq.reviews.internal.legal;

/** The outcome of one legal review. */
public enum ReviewOutcome {

	/** 通过: the case passes the legal review. */
	PASSED("通过"),
	/** 退卷: returned to the squad with deduction items. */
	RETURNED("退卷");

	private final String label;

	ReviewOutcome(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
