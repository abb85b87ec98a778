package cn.wucheng.cq.cases;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;
import cn.wucheng.cq.shared.InputVocabulary;

/** 案件类别 with its quantity points per concluded case. */
@InputVocabulary("案件类别 as import files, the API and the database name it")
public enum CaseCategory {

	/** 简易程序: simple procedure; 0.5 points. */
	SIMPLE("简易程序", new BigDecimal("0.5")),
	/** 普通程序: ordinary procedure; 5 points. */
	ORDINARY("普通程序", new BigDecimal("5")),
	/** 重大疑难: an ordinary case flagged as major or difficult; 10 points. Counts as ordinary everywhere else. */
	MAJOR("重大疑难", new BigDecimal("10"));

	private final String label;

	private final BigDecimal quantityPoints;

	CaseCategory(String label, BigDecimal quantityPoints) {
		this.label = label;
		this.quantityPoints = quantityPoints;
	}

	public String label() {
		return label;
	}

	/** the quantity points of one concluded case, before the co-handler's half. */
	public BigDecimal quantityPoints() {
		return quantityPoints;
	}

	/** wherever a rule says "ordinary", it includes 重大疑难. */
	public boolean isOrdinary() {
		return this != SIMPLE;
	}

	public static Optional<CaseCategory> fromLabel(String text) {
		String t = text == null ? "" : text.trim();
		return Arrays.stream(values()).filter(v -> v.label.equals(t) || v.name().equals(t)).findFirst();
	}

}
