package cn.wucheng.cq.reviews.internal.legal;

import cn.wucheng.cq.shared.BundledText;

/**
 * Where a case stands in its legal review. A case without a review aggregate is awaiting its first review.
 */
public enum LegalReviewStatus {

	/** 已通过: the last review passed the case; nothing more to do. */
	PASSED,
	/** 已退卷: returned; waiting for the squad to resubmit the corrected file. */
	RETURNED,
	/** 重新报送: the squad resubmitted after a 退卷; waiting for the next review. */
	RESUBMITTED;

	/** As users read it (messages-legalreview.properties, legalReview.status.*). */
	public String label() {
		return BundledText.of("messages-legalreview", "legalReview.status." + name());
	}

}
