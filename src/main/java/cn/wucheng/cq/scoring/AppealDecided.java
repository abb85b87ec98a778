package cn.wucheng.cq.scoring;

/**
 * Published (inside the transaction) when the legal section decides an officer's appeal against his published
 * points (公示与申诉, R-26): upheld (申诉成立) with a note or rejected (申诉不成立) with a reason. A listener runs in the
 * same transaction, so what it writes exists exactly when the decision was committed.
 *
 * @param periodCode the quarter of the publication, e.g. {@code 2024-Q1}
 * @param itemLabel the item of the breakdown the appeal was about, as the officer saw it
 * @param note the legal section's note or reason
 */
public record AppealDecided(long appealId, long personId, String employeeNo, String periodCode, String itemLabel,
		boolean upheld, String note) {
}
