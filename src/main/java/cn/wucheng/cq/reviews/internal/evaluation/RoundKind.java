package cn.wucheng.cq.reviews.internal.evaluation;

import cn.wucheng.cq.shared.BundledText;

/** The kind of an evaluation round. */
public enum RoundKind {

	/** 案卷互评: monthly peer evaluation by evaluators of other units, organised by 法制科. */
	PEER_REVIEW,
	/** 抽查: a spot check by a third party, recorded by name and entered by 法制科. */
	SPOT_CHECK;

	/** As users read it (messages-legalreview.properties, evaluation.roundKind.*). */
	public String label() {
		return BundledText.of("messages-legalreview", "evaluation.roundKind." + name());
	}

}
