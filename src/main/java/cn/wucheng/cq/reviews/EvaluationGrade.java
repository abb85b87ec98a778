package cn.wucheng.cq.reviews;

import java.math.BigDecimal;

import cn.wucheng.cq.shared.BundledText;

/**
 * 评查等次 of a case file: ≥ 90 优秀, 60–89 合格, below 60 不合格 by default (scores are exact decimals, so
 * 89.5 is 合格); the legal section changes both thresholds on the settings page
 * ({@code EVALUATION_EXCELLENT_FROM}, {@code EVALUATION_QUALIFIED_FROM}).
 */
public enum EvaluationGrade {

	/** 优秀: 90 or more; may be put forward as a 局级优秀案卷. */
	EXCELLENT,
	/** 合格: 60 up to below 90. */
	QUALIFIED,
	/** 不合格: below 60, or 0 after a veto item (否决项). */
	FAILED;

	/** the lowest scores rated 优秀 and 合格. */
	public record Thresholds(BigDecimal excellentFrom, BigDecimal qualifiedFrom) {

		/** The programme's default: 90 and 60. */
		public static final Thresholds DEFAULT = new Thresholds(new BigDecimal("90"), new BigDecimal("60"));

		/** The thresholds the legal section has set (R-43 settings). */
		public static Thresholds of(cn.wucheng.cq.settings.RuleSettings settings) {
			return new Thresholds(settings.decimal(cn.wucheng.cq.settings.RuleSetting.EVALUATION_EXCELLENT_FROM),
					settings.decimal(cn.wucheng.cq.settings.RuleSetting.EVALUATION_QUALIFIED_FROM));
		}

	}

	/** As users read it (messages-legalreview.properties, evaluation.grade.*). */
	public String label() {
		return BundledText.of("messages-legalreview", "evaluation.grade." + name());
	}

	/** the grade of a score of 0–100 with the default thresholds. */
	public static EvaluationGrade of(BigDecimal score) {
		return of(score, Thresholds.DEFAULT);
	}

	/** the grade of a score of 0–100 with the legal section's thresholds. */
	public static EvaluationGrade of(BigDecimal score, Thresholds t) {
		if (score.compareTo(t.excellentFrom()) >= 0) {
			return EXCELLENT;
		}
		return score.compareTo(t.qualifiedFrom()) >= 0 ? QUALIFIED : FAILED;
	}

}
