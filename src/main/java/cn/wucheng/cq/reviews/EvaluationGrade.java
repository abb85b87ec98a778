package cn.wucheng.cq.reviews;

import java.math.BigDecimal;

/**
 * 评查等次 of a case file. The settings module has no thresholds for it, so the programme's default lives
 * here: ≥ 90 优秀, 60–89 合格, below 60 不合格 (scores are exact decimals, so 89.5 is 合格).
 */
public enum EvaluationGrade {

	/** 优秀: 90 or more; may be put forward as a 局级优秀案卷. */
	EXCELLENT("优秀"),
	/** 合格: 60 up to below 90. */
	QUALIFIED("合格"),
	/** 不合格: below 60, or 0 after a veto item (否决项). */
	FAILED("不合格");

	/** the lowest score rated 优秀. */
	public static final BigDecimal EXCELLENT_FROM = new BigDecimal("90");

	/** the lowest score rated 合格. */
	public static final BigDecimal QUALIFIED_FROM = new BigDecimal("60");

	private final String label;

	EvaluationGrade(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** the grade of a score of 0–100. */
	public static EvaluationGrade of(BigDecimal score) {
		if (score.compareTo(EXCELLENT_FROM) >= 0) {
			return EXCELLENT;
		}
		return score.compareTo(QUALIFIED_FROM) >= 0 ? QUALIFIED : FAILED;
	}

}
