package cn.wucheng.cq.shared;

import java.math.BigDecimal;
import java.util.Arrays;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.validation.Errors;

/**
 * A request refused for a reason the user can fix, the one refusal type of every module (issue 15 item 3): a message
 * key of {@code messages*.properties} with its arguments, the form field it concerns ({@code null} for the whole form
 * or request) and the HTTP status it answers with when nobody catches it (400 unless said otherwise). The text is
 * made in one place only: {@link Refusals} for a flash message or a form, the web shell's error handling for a page
 * or an API error. Arguments are kept as text ({@link #text(Object)}), so MessageFormat never writes the year 2024 as
 * "2,024" nor rounds a point value.
 */
public class Refusal extends RuntimeException {

	private final String field;

	private final String key;

	private final transient Object[] args;

	private final HttpStatus status;

	private Refusal(HttpStatus status, String field, String key, Object[] args) {
		super(key + Arrays.toString(args));
		this.status = status;
		this.field = field;
		this.key = key;
		this.args = args;
	}

	/** Refused with the message {@code key}; answers 400 if not caught. */
	public static Refusal of(String key, Object... args) {
		return new Refusal(HttpStatus.BAD_REQUEST, null, key, texts(args));
	}

	/** Refused because of one form field; the form shows the message beside it. */
	public static Refusal onField(String field, String key, Object... args) {
		return new Refusal(HttpStatus.BAD_REQUEST, field, key, texts(args));
	}

	/** The same refusal answering with another status (409 for a state that forbids the change, 404, 413…). */
	public Refusal withStatus(HttpStatus other) {
		return new Refusal(other, field, key, args);
	}

	/** Someone else saved the record since the form was opened: nothing is overwritten (409). */
	public static Refusal stale() {
		return new Refusal(HttpStatus.CONFLICT, null, "error.conflict", new Object[0]);
	}

	/**
	 * An argument that is itself a message, e.g. a status's label ({@code training.status.DRAFT}): the text says
	 * "当前状态为“草稿”" in the user's words, never the enum's name.
	 */
	public static MessageSourceResolvable label(String key) {
		return new DefaultMessageSourceResolvable(new String[] { key }, null, key);
	}

	public String field() {
		return field;
	}

	public String key() {
		return key;
	}

	public Object[] args() {
		return args.clone();
	}

	public HttpStatus status() {
		return status;
	}

	/** Puts the refusal on a form so the page shows it beside its field (or on top). */
	public void reportTo(Errors errors) {
		if (field == null) {
			errors.reject(key, args, key);
		}
		else {
			errors.rejectValue(field, key, args, key);
		}
	}

	private static Object[] texts(Object[] args) {
		return args == null ? new Object[0] : Arrays.stream(args).map(Refusal::text).toArray();
	}

	/**
	 * An argument as the user reads it: numbers plainly (no grouping, points never rounded), another message (a
	 * status's label, {@link #label(String)}) as the message source renders it, the rest as text.
	 */
	static Object text(Object arg) {
		if (arg instanceof BigDecimal d) {
			return d.toPlainString();
		}
		if (arg instanceof MessageSourceResolvable) {
			return arg;
		}
		return arg == null ? "" : String.valueOf(arg);
	}

}
