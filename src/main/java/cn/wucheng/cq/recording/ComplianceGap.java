package cn.wucheng.cq.recording;

import java.time.LocalDate;
import java.util.List;

import cn.wucheng.cq.cases.CaseCategory;

/**
 * One compliance gap with the case behind it: the inquiry for R-51 and, for an auxiliary in the inquiry
 * room, the auxiliaries present ("姓名（工号）").
 */
public record ComplianceGap(GapKind kind, long caseId, String caseNo, CaseCategory category, String source,
		long unitId, String unitName, LocalDate gapOn, Long inquiryId, String leadName, String coName,
		List<String> auxiliaries) {

	public ComplianceGap {
		auxiliaries = List.copyOf(auxiliaries);
	}

}
