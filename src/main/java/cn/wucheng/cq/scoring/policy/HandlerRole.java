package cn.wucheng.cq.scoring.policy;

import cn.wucheng.cq.shared.BundledText;

/** A handler's role in a case: the lead (主办, 第一承办人) or the co-handler (协办, 第二承办人). */
public enum HandlerRole {

	/** 主办: the first handler; gets the full points. */
	LEAD,
	/** 协办: the second handler; gets half of each component. */
	CO;

	private final String label = BundledText.of("messages-scoring", "scoring.role." + name());

	/** 主办 or 协办, from messages-scoring.properties (scoring.role.LEAD). */
	public String label() {
		return label;
	}

}
