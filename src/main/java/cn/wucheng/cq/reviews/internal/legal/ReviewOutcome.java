package cn.wucheng.cq.reviews.internal.legal;

import cn.wucheng.cq.shared.BundledText;

/** The outcome of one legal review. */
public enum ReviewOutcome {

	/** 通过: the case passes the legal review. */
	PASSED,
	/** 退卷: returned to the squad with deduction items. */
	RETURNED;

	/** As users read it (messages-legalreview.properties, legalReview.outcome.*). */
	public String label() {
		return BundledText.of("messages-legalreview", "legalReview.outcome." + name());
	}

}
