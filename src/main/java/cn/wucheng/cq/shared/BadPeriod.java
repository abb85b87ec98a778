package cn.wucheng.cq.shared;

/**
 * A request's period that is not one (neither {@code 2024-Q1}, {@code 2024-03} nor {@code 2024}) or not of the kind the
 * page needs ({@link QuarterOnly}). Thrown by the period formatter; the web shell answers it with one Chinese message
 * ({@code period.bad}) and a 400, for pages and the API alike. Not an IllegalArgumentException on purpose: controllers
 * that answer their own IllegalArgumentExceptions must not catch it (Spring matches handlers on causes too).
 */
public class BadPeriod extends RuntimeException {

	private final String text;

	public BadPeriod(String text, String why) {
		super(why);
		this.text = text;
	}

	/** What was sent, as it was sent. */
	public String text() {
		return text;
	}

}
