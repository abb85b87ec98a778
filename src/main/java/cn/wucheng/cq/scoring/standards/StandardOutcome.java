package cn.wucheng.cq.scoring.standards;

/**
 * What a standard policy decides for one officer and quarter: the rule, what it required, what was done, the status,
 * and for a 免考核 granted by the legal section the recorded reason (R-32 "原则上"; null otherwise).
 */
public record StandardOutcome(StandardRule rule, CaseCounts required, CaseCounts done, StandardStatus status,
		String reason) {

	public StandardOutcome(StandardRule rule, CaseCounts required, CaseCounts done, StandardStatus status) {
		this(rule, required, done, status, null);
	}

}
