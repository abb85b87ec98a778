package cn.wucheng.cq.reviews;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;

import cn.wucheng.cq.shared.InputVocabulary;

/**
 * 评选级别 of an excellent case file (优秀案卷) and its excellence points. Its labels are the words lists of
 * excellent files write ({@link #fromLabel}) as well as what the pages show.
 */
@InputVocabulary("award levels as lists of excellent case files write them")
public enum AwardLevel {

	/** 省级: 5 points. */
	PROVINCE("省级", new BigDecimal("5")),
	/** 市级: 3 points. */
	CITY("市级", new BigDecimal("3")),
	/** 区级: 2 points. */
	DISTRICT("区级", new BigDecimal("2")),
	/** 局级: 1 point. */
	BUREAU("局级", new BigDecimal("1"));

	private final String label;

	private final BigDecimal points;

	AwardLevel(String label, BigDecimal points) {
		this.label = label;
		this.points = points;
	}

	public String label() {
		return label;
	}

	public BigDecimal points() {
		return points;
	}

	public static Optional<AwardLevel> fromLabel(String text) {
		String t = text == null ? "" : text.trim();
		return Arrays.stream(values()).filter(v -> v.label.equals(t) || v.name().equals(t)).findFirst();
	}

}
