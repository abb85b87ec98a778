package cn.wucheng.cq.reviews;

import java.util.List;

/**
 * Published (inside the transaction) when 法制科 returns an ordinary case after legal review (退卷, R-42) with its
 * deduction items: the squad has to put the file right and hand it in again. A listener runs in the same
 * transaction, so what it writes exists exactly when the return was committed.
 *
 * @param items the texts of the deduction items chosen
 */
public record CaseReturned(long caseId, String caseNo, long unitId, List<String> items, String reason) {

	public CaseReturned {
		items = List.copyOf(items);
	}

}
