package cn.wucheng.cq.cases;

/** What {@link CaseFile#reassign} changed: the handlers before and after, and the reason given. */
public record Reassignment(Long previousLeadId, Long previousCoId, Long leadId, Long coId, String reason) {
}
