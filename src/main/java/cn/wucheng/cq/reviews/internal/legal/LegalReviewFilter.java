package cn.wucheng.cq.reviews.internal.legal;

import cn.wucheng.cq.shared.Refusal;

/**
 * Which ordinary cases a legal-review list shows. "Counted" cases are those concluded from the unit's
 * rollout start; the others are 未纳入.
 */
public enum LegalReviewFilter {

	/** 待审核: counted, never reviewed or resubmitted after a 退卷 — the 法制科 queue. */
	AWAITING("(lr.id is null or lr.status = 'RESUBMITTED') and " + LegalReviews.COUNTED),
	/** 未审核: counted and never reviewed (the rate's pending figure). */
	UNREVIEWED("lr.id is null and " + LegalReviews.COUNTED),
	/** 已审核: counted and reviewed at least once (the rate's numerator). */
	REVIEWED("lr.id is not null and " + LegalReviews.COUNTED),
	/** 已退卷, awaiting resubmission. */
	RETURNED("lr.status = 'RETURNED'"),
	/** 已通过. */
	PASSED("lr.status = 'PASSED'"),
	/** 纳入统计: every counted case (the rate's denominator). */
	COUNTED(LegalReviews.COUNTED),
	/** 未纳入: concluded before the unit's rollout start. */
	EXCLUDED("not " + LegalReviews.COUNTED),
	/** 全部. */
	ALL("1 = 1");

	private final String sql;

	LegalReviewFilter(String sql) {
		this.sql = sql;
	}

	String sql() {
		return sql;
	}

	static LegalReviewFilter parse(String text) {
		if (text == null || text.isBlank()) {
			return AWAITING;
		}
		for (LegalReviewFilter f : values()) {
			if (f.name().equalsIgnoreCase(text.strip())) {
				return f;
			}
		}
		throw Refusal.of("legalReview.refused.badFilter", text);
	}

}
