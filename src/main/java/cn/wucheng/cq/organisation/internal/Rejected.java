package cn.wucheng.cq.organisation.internal;

/**
 * A change refused for a reason the user can fix: the message key (in messages-organisation.properties or the
 * common keys) with its arguments, and the form field it concerns ({@code null} for the whole form, e.g. a stale
 * version).
 */
final class Rejected extends RuntimeException {

	private final String field;

	private final String code;

	private final transient Object[] args;

	Rejected(String field, String code, Object... args) {
		super(code);
		this.field = field;
		this.code = code;
		this.args = args;
	}

	/** Someone else saved the record since the form was opened: nothing is overwritten. */
	static Rejected stale() {
		return new Rejected(null, "error.conflict");
	}

	String field() {
		return field;
	}

	String code() {
		return code;
	}

	Object[] args() {
		return args;
	}

	/** Puts the refusal on the form so the page shows it next to the field (or on top). */
	void reportTo(org.springframework.validation.Errors errors) {
		if (field == null) {
			errors.reject(code, args, code);
		}
		else {
			errors.rejectValue(field, code, args, code);
		}
	}

}
