package cn.wucheng.cq.casework.internal;

import java.util.List;

/**
 * A casework rule refused what the user asked (an illegal transition of the monthly list, a review of a case that is
 * not a simple one, …): the message, in Chinese, says what and why. An IllegalArgumentException so that, uncaught,
 * the error handling shows it with status 400. Newer refusals carry a message key (messages-casework.properties)
 * and its arguments instead of the text; {@link CaseworkPages#text(CaseworkRefusal)} renders either.
 */
class CaseworkRefusal extends IllegalArgumentException {

	private final String key;

	private final List<String> args;

	CaseworkRefusal(String message) {
		super(message);
		this.key = null;
		this.args = List.of();
	}

	private CaseworkRefusal(String key, List<String> args) {
		super(key + args);
		this.key = key;
		this.args = args;
	}

	/** A refusal whose text is the message {@code key} with the arguments (as text). */
	static CaseworkRefusal of(String key, Object... args) {
		return new CaseworkRefusal(key, java.util.Arrays.stream(args).map(String::valueOf).toList());
	}

	String key() {
		return key;
	}

	List<String> args() {
		return args;
	}

}
