package cn.wucheng.cq.scoring.standards;

/** What a standard policy decides for one officer and quarter: the rule, what it required, what was done, the status. */
public record StandardOutcome(StandardRule rule, CaseCounts required, CaseCounts done, StandardStatus status) {

}
