package cn.wucheng.cq.cases.internal;

/**
 * Orders of the case list, each ending on the id so pages are stable. Date columns are indexed; the null ordering
 * is left to the database default (the same on H2 in PostgreSQL mode and on PostgreSQL) so the index can serve it.
 */
enum CaseSort {

	/** Newest filing first (default). */
	FILED_DESC("c.filed_on desc, c.id desc"),
	/** Oldest filing first. */
	FILED_ASC("c.filed_on asc, c.id asc"),
	/** Latest conclusion first; cases not yet concluded come first. */
	CONCLUDED_DESC("c.concluded_on_effective desc, c.id desc"),
	/** Earliest conclusion first; cases not yet concluded come last. */
	CONCLUDED_ASC("c.concluded_on_effective asc, c.id asc");

	private final String orderBy;

	CaseSort(String orderBy) {
		this.orderBy = orderBy;
	}

	String orderBy() {
		return orderBy;
	}

}
