package cn.wucheng.cq.casework.internal;

/**
 * A casework rule refused what the user asked (an illegal transition of the monthly list, a review of a case that is
 * not a simple one, …): the message, in Chinese, says what and why. An IllegalArgumentException so that, uncaught,
 * the error handling shows it with status 400.
 */
class CaseworkRefusal extends IllegalArgumentException {

	CaseworkRefusal(String message) {
		super(message);
	}

}
