package cn.wucheng.cq.scoring.policy;

/** A handler's role in a case: the lead (主办, 第一承办人) or the co-handler (协办, 第二承办人). */
public enum HandlerRole {

	/** 主办: the first handler; gets the full points. */
	LEAD("主办"),
	/** 协办: the second handler; gets half of each component. */
	CO("协办");

	private final String label;

	HandlerRole(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
