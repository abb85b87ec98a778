package cn.wucheng.cq.scoring.standards;

import cn.wucheng.cq.shared.BundledText;

/** Which case-handling rule applies to an officer; the label is what the API and exports show. */
public enum StandardRule {

	/** R-32 全员办案: formal officers of the three squad categories, minimums by age and sex. */
	ALL_HANDLE_CASES("R-32", true),
	/** R-33 机关参与: organ officers (科室, 指挥中心) handle at least one ordinary case per quarter. */
	ORGAN_PARTICIPATION("R-33", false);

	private final String ruleId;

	private final boolean requiresSimple;

	StandardRule(String ruleId, boolean requiresSimple) {
		this.ruleId = ruleId;
		this.requiresSimple = requiresSimple;
	}

	/** The words of messages-standards.properties, one place for the page, the API and the exports. */
	public String label() {
		return BundledText.of("messages-standards", "standards.rule." + name());
	}

	public String ruleId() {
		return ruleId;
	}

	/** Whether the rule has a minimum of simple cases at all (R-33 has none: its requirement shows only ordinary). */
	public boolean requiresSimple() {
		return requiresSimple;
	}

}
