package cn.wucheng.cq.rollout.internal;

/**
 * An edit of the rollout batches that R-71 or the table refuses; the message, in Chinese, says what and why. An
 * IllegalArgumentException so that, uncaught, the error handling shows it with status 400.
 */
class RolloutRefusal extends IllegalArgumentException {

	RolloutRefusal(String message) {
		super(message);
	}

}
