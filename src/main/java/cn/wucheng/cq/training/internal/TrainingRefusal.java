package cn.wucheng.cq.training.internal;

/**
 * A training rule refused what the user asked (an illegal transition, a session from an uncoordinated plan, a
 * substitution that cannot be): the message, in Chinese, says what and why. An IllegalArgumentException so that,
 * uncaught, the error handling shows it with status 400.
 */
public class TrainingRefusal extends IllegalArgumentException {

	public TrainingRefusal(String message) {
		super(message);
	}

}
