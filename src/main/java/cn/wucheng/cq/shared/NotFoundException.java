package cn.wucheng.cq.shared;

/**
 * A record that does not exist, or that the signed-in user may not see (out-of-scope records answer "not found" so
 * their existence is not revealed). The web shell turns it into a 404 page, or a 404 JSON error under {@code /api/**}.
 * The message, when given, is shown to the user: write it in Chinese and say what was not found.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException() {
		super(null, null, false, false);
	}

	public NotFoundException(String message) {
		super(message, null, false, false);
	}

}
