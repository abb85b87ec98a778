package cn.wucheng.cq.casework;

/**
 * Published (inside the transaction) when a squad leader registers a case with its two handlers or re-assigns them
 * (中队长指派制, R-11): who handles it now and who did before (null on registration). A listener runs in the same
 * transaction, so what it writes exists exactly when the assignment was committed.
 */
public record CaseAssigned(long caseId, String caseNo, long unitId, long leadId, long coId, Long previousLeadId,
		Long previousCoId) {

	/** The person is the lead (主办人) now and was not before. */
	public boolean newLead(long personId) {
		return leadId == personId && (previousLeadId == null || previousLeadId != personId);
	}

	/** The person is the co-handler (协办人) now and was not before. */
	public boolean newCo(long personId) {
		return coId == personId && (previousCoId == null || previousCoId != personId);
	}

}
