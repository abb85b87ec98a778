package cn.wucheng.cq.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An exact number of points with two decimal places: never binary floating point.
 * Arithmetic keeps full precision; {@link #toString()} and {@link #value()} give two places, rounded half up.
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

	/** The value with exactly two decimals, rounded half up. */
	public BigDecimal value() {
		return value.setScale(2, RoundingMode.HALF_UP);
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
		return value().hashCode();
	}

	/** Two decimals, e.g. {@code "10.50"}: the form of the API and exports. */
	@Override
	public String toString() {
		return value().toPlainString();
	}

}
