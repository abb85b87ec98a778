package cn.wucheng.cq.reviews.internal.evaluation;

/**
 * An evaluation step the rules refuse (an evaluator of the file's own unit, a second submission, an award for a file
 * not rated 优秀…): the message, in Chinese, says what and why. Uncaught, it shows with status 400.
 */
public class EvaluationRefusal extends IllegalArgumentException {

	public EvaluationRefusal(String message) {
		super(message);
	}

}
