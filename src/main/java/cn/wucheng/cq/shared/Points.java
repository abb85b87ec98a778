package cn.wucheng.cq.shared;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An exact number of points: never binary floating point, never rounded. Arithmetic keeps full precision;
 * {@link #toString()} and {@link #value()} give the exact value with at least two places — {@code 10.50}, and
 * {@code 0.875} for a co-handler's half of 1.75 — so two people shown with the same total have the same total.
 */
public final class Points implements Comparable<Points> {

	public static final Points ZERO = new Points(BigDecimal.ZERO);

	private final BigDecimal value;

	private Points(BigDecimal value) {
		this.value = Objects.requireNonNull(value, "value").stripTrailingZeros();
	}

	public static Points of(BigDecimal value) {
		return new Points(value);
	}

	public static Points of(String value) {
		return new Points(new BigDecimal(value.trim()));
	}

	public static Points of(long value) {
		return new Points(BigDecimal.valueOf(value));
	}

	public Points plus(Points other) {
		return new Points(value.add(other.value));
	}

	public Points minus(Points other) {
		return new Points(value.subtract(other.value));
	}

	/** Multiplies by an exact factor, e.g. 0.5 for a co-handler. */
	public Points times(BigDecimal factor) {
		return new Points(value.multiply(factor));
	}

	public Points atLeastZero() {
		return value.signum() < 0 ? ZERO : this;
	}

	public boolean isZero() {
		return value.signum() == 0;
	}

	public boolean isPositive() {
		return value.signum() > 0;
	}

	/** the exact value with at least two decimals (more where the value has more), never rounded. */
	public BigDecimal value() {
		return value.scale() < 2 ? value.setScale(2) : value;
	}

	/** The number of decimals {@link #value()} shows: 2, or more where the value has more. */
	public int places() {
		return value().scale();
	}

	/**
	 * a spreadsheet number format that shows every decimal of this value ({@code 0.00}, {@code 0.000}, …), for
	 * .xlsx cells that hold points as numbers.
	 */
	public String spreadsheetFormat() {
		return "0." + "0".repeat(places());
	}

	/** The exact value, at whatever scale it has. */
	public BigDecimal exact() {
		return value;
	}

	@Override
	public int compareTo(Points o) {
		return value.compareTo(o.value);
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof Points p && value.compareTo(p.value) == 0;
	}

	@Override
	public int hashCode() {
		return value.hashCode();
	}

	/** Exact, at least two decimals, e.g. {@code "10.50"} or {@code "0.875"}: the form of pages, API and exports. */
	@Override
	public String toString() {
		return value().toPlainString();
	}

}
