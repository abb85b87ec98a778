package cn.wucheng.cq.reviews.internal.evaluation;

/** Where one evaluator's evaluation of a file stands. */
public enum EvaluationStatus {

	/** 待评查: assigned, not yet scored. */
	ASSIGNED("待评查"),
	/** 已提交: scored and submitted; final. */
	SUBMITTED("已提交");

	private final String label;

	EvaluationStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
