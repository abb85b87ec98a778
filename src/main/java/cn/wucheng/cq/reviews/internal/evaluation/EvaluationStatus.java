package cn.wucheng.cq.reviews.internal.evaluation;

import cn.wucheng.cq.shared.BundledText;

/** Where one evaluator's evaluation of a file stands. */
public enum EvaluationStatus {

	/** 待评查: assigned, not yet scored. */
	ASSIGNED,
	/** 已提交: scored and submitted; final. */
	SUBMITTED;

	/** As users read it (messages-legalreview.properties, evaluation.status.*). */
	public String label() {
		return BundledText.of("messages-legalreview", "evaluation.status." + name());
	}

}
