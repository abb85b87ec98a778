package cn.wucheng.cq.scoring.publication;

/** What an appeal (申诉) is against. */
public enum AppealKind {

	/** A line of the officer's breakdown: a case line or an award line. */
	ITEM,
	/**
	 * A case missing from his breakdown, named by its 案件编号 — a case he handled that was not counted (not imported,
	 * imported without him, or dated in another quarter).
	 */
	MISSING_CASE

}
