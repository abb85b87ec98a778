package cn.wucheng.cq.reviews.internal.legal;

/**
 * A legal review the rules refuse (an illegal transition, a date out of order, a 退卷 without items): the message, in
 * Chinese, says what and why. An IllegalArgumentException so that, uncaught, it shows with status 400.
 */
public class LegalReviewRefusal extends IllegalArgumentException {

	public LegalReviewRefusal(String message) {
		super(message);
	}

}
