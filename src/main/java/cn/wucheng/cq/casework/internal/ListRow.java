package cn.wucheng.cq.casework.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One simple case of a squad with its review as the monthly list of attachment 2 shows it, with the
 * rule breaches the case shows: an imported case is listed with them, never dropped.
 */
record ListRow(long caseId, String caseNo, String decisionNo, LocalDate caseDay, String caseVideoNo,
		String leadName, String coName, boolean auxiliaryHandler, Long reviewId, Boolean subjectOk, Boolean partyOk,
		Boolean evidenceOk, Boolean lawOk, Boolean recordOk, String reviewVideoNo, LocalDate reviewedOn,
		String reviewerName, String note, String opinionReviewerName, LocalDate opinionOn, String opinion) {

	/** the squad reviewer's 规范审核意见 as the list shows it, or null when none is written yet. */
	public String opinionText() {
		return opinion == null ? null : opinionReviewerName + " " + opinionOn + "：" + opinion;
	}

	public boolean reviewed() {
		return reviewId != null;
	}

	/** 承办人 as the list writes it: lead first. */
	public String handlers() {
		return leadName + "、" + coName;
	}

	/** The 视频编号 of the review, else the case's. */
	public String videoNo() {
		return reviewVideoNo != null ? reviewVideoNo : caseVideoNo;
	}

	/** 当天案件当天审核完毕. */
	public boolean reviewedLate() {
		return reviewedOn != null && reviewedOn.isAfter(caseDay);
	}

	/** Unreviewed and its day has passed. */
	public boolean overdueOn(LocalDate today) {
		return !reviewed() && caseDay.isBefore(today);
	}

	/** Message keys of what the case or its review breaks (casework.violation.*). */
	public List<String> violations() {
		List<String> v = new ArrayList<>();
		if (auxiliaryHandler) {
			v.add("AUXILIARY_HANDLER");
		}
		if (videoNo() == null || videoNo().isBlank()) {
			v.add("MISSING_VIDEO");
		}
		if (reviewed() && !(subjectOk && partyOk && evidenceOk && lawOk && recordOk)) {
			v.add("CHECK_FAILED");
		}
		if (reviewedLate()) {
			v.add("REVIEWED_LATE");
		}
		return v;
	}

}
