package cn.wucheng.cq.cases;

/**
 * A person proposed as a case handler, with what R-11 needs to judge him: his current unit and whether he is a formal
 * officer (正式执法人员). The caller, who loads people, builds it; {@link CaseFile} decides.
 */
public record HandlerCandidate(Long personId, String name, Long unitId, boolean formal) {
}
