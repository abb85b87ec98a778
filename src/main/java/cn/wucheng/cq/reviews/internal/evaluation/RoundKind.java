package cn.wucheng.cq.reviews.internal.evaluation;

/** The kind of an evaluation round. */
public enum RoundKind {

	/** 案卷互评: monthly peer evaluation by evaluators of other units, organised by 法制科. */
	PEER_REVIEW("案卷互评"),
	/** 抽查: a spot check by a third party, recorded by name and entered by 法制科. */
	SPOT_CHECK("第三方抽查");

	private final String label;

	RoundKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
