package cn.wucheng.cq.cases;

import java.math.BigDecimal;
import java.util.Collection;

import cn.wucheng.cq.shared.Points;

/**
 * R-21 质量分: a concluded case's quality points are 2 minus every deduction recorded against it (all returns together,
 * whatever their dates), never below 0 (扣完 2 分为止). Exact decimals.
 * <p>
 * The one place of the rule, beside R-20 ({@link CaseCategory#quantityPoints()}): the case page computes it here, and
 * the scoring ledger — which scores a whole quarter in one set-based SQL statement — takes its SQL expression from
 * {@link #sql(String)}, so the two cannot disagree.
 */
public final class QualityPoints {

	/** The quality points of a case never returned. */
	public static final Points BASE = Points.of(2);

	/** The name of the bind parameter that {@link #sql(String)} reads the base from; bind it to {@link #BASE}. */
	public static final String BASE_PARAMETER = "qualityBase";

	private static final String NUMERIC = "numeric(12,4)";

	private QualityPoints() {
	}

	/** The quality points of a case from which {@code deducted} points (the sum of its deductions) were deducted. */
	public static Points of(BigDecimal deducted) {
		return BASE.minus(Points.of(deducted)).atLeastZero();
	}

	/** The quality points of a case given each deduction recorded against it. */
	public static Points of(Collection<BigDecimal> deductions) {
		return of(deductions.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
	}

	/**
	 * The same rule as a PostgreSQL expression over {@code deductedSum}, an SQL expression chosen by the calling code
	 * (a column or sub-select, never a value) that gives the sum of a case's deductions or null when it has none. The
	 * base comes from the bind parameter {@link #BASE_PARAMETER}.
	 */
	public static String sql(String deductedSum) {
		return "greatest(cast(0 as " + NUMERIC + "), cast(:" + BASE_PARAMETER + " as " + NUMERIC + ") - coalesce("
				+ deductedSum + ", 0))";
	}

}
