package cn.wucheng.cq.cases;

/**
 * R-11 refused an assignment of handlers: {@link #field()} names the form field (leadId, coId, reason, version) and
 * the message, in Chinese, names it too and says why. An IllegalArgumentException so that, uncaught, the error handling
 * answers 400.
 */
public class HandlerRefusal extends IllegalArgumentException {

	private final String field;

	public HandlerRefusal(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return field;
	}

}
