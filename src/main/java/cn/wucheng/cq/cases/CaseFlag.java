package cn.wucheng.cq.cases;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Rule breaches a case can show, each computed by SQL from the case and its handlers (no stored column, so a
 * corrected person or case clears its flag at once). Imported historical cases that break these rules are kept and
 * flagged, not dropped. Every flag is one named policy here, with its rule id.
 * <p>
 * {@link #condition()} is an SQL condition over the aliases {@code c} (case_file), {@code l} (the lead's person row)
 * and {@code o} (the co-handler's person row).
 */
public enum CaseFlag {

	/**
	 * auxiliary staff (辅助人员) may not be handlers. A handler from another unit than the case's is allowed and
	 * not flagged; on a 路面查处 case auxiliaries may be present at the discovery, but never as handlers.
	 */
	AUXILIARY_HANDLER("R-11", "(l.category = 'AUXILIARY' or o.category = 'AUXILIARY')"),

	/** a simple case, or one whose source is 路面查处, must have a full-process recording (视频编号). */
	MISSING_VIDEO("R-50", "((c.category = 'SIMPLE' or c.source = '" + CaseFile.ROADSIDE
			+ "') and (c.video_no is null or trim(c.video_no) = ''))");

	private final String ruleId;

	private final String condition;

	CaseFlag(String ruleId, String condition) {
		this.ruleId = ruleId;
		this.condition = condition;
	}

	public String ruleId() {
		return ruleId;
	}

	/** The SQL condition that is true for a flagged case (aliases c, l, o; see the class comment). */
	public String condition() {
		return condition;
	}

	public static List<CaseFlag> all() {
		return List.of(values());
	}

	/** True when the case breaks any rule: the "only flagged" filter. */
	public static String anyCondition() {
		return Arrays.stream(values()).map(CaseFlag::condition).collect(Collectors.joining(" or ", "(", ")"));
	}

}
