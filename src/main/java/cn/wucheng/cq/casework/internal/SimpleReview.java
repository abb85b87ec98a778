package cn.wucheng.cq.casework.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import cn.wucheng.cq.shared.Refusal;
import cn.wucheng.cq.shared.Refusals;

/**
 * The squad legal officer's review of one simple case on the checklist of attachment 2: the five 是/否 checks
 * and the 视频编号. The review date is the day of the first review; a review later than the case day breaks
 * "当天案件当天审核完毕" and is flagged. A correction keeps that first date and is refused once the month's list is
 * signed.
 */
@Table("simple_review")
class SimpleReview {

	@Id
	private Long id;

	private Long caseId;

	private boolean subjectOk;

	private boolean partyOk;

	private boolean evidenceOk;

	private boolean lawOk;

	private boolean recordOk;

	private String videoNo;

	/** what is wrong, required when any check is 否. */
	private String note;

	/** the role the reviewer acted in — the legal officer, or the squad leader when the legal officer handled the case. */
	private String reviewerRole;

	private LocalDate reviewedOn;

	private String reviewerName;

	private String reviewedBy;

	private LocalDateTime changedAt;

	@Version
	private Integer version;

	protected SimpleReview() {
	}

	SimpleReview(Long caseId, Checklist checklist, LocalDate on, String by, String byName, String byRole,
			LocalDateTime at) {
		this.caseId = caseId;
		this.reviewedOn = on;
		apply(checklist, by, byName, byRole, at);
	}

	/**
	 * The five checks of attachment 2 and the video number, as the legal officer records them, with the note that
	 * says what is wrong when a check is 否.
	 */
	record Checklist(boolean subjectOk, boolean partyOk, boolean evidenceOk, boolean lawOk, boolean recordOk,
			String videoNo, String note) {

		boolean allOk() {
			return subjectOk && partyOk && evidenceOk && lawOk && recordOk;
		}

	}

	/** A correction by the legal officer; the first review date stays (R-40 lateness is about the first review). */
	void correct(Checklist checklist, String by, String byName, String byRole, LocalDateTime at, boolean listSigned) {
		if (listSigned) {
			throw Refusal.of("casework.refused.reviewListSigned");
		}
		apply(checklist, by, byName, byRole, at);
	}

	private void apply(Checklist c, String by, String byName, String byRole, LocalDateTime at) {
		String n = c.note() == null ? "" : c.note().strip();
		// a 否 always with a note saying what is wrong
		if (!c.allOk() && n.isEmpty()) {
			throw Refusal.of("casework.review.note.required");
		}
		if (n.length() > 500) {
			throw Refusal.of("casework.review.note.size");
		}
		this.note = n.isEmpty() ? null : n;
		this.reviewerRole = byRole;
		this.subjectOk = c.subjectOk();
		this.partyOk = c.partyOk();
		this.evidenceOk = c.evidenceOk();
		this.lawOk = c.lawOk();
		this.recordOk = c.recordOk();
		String v = c.videoNo() == null ? "" : c.videoNo().strip();
		if (v.length() > 60) {
			throw Refusal.of("casework.refused.videoNoTooLong", 60);
		}
		this.videoNo = v.isEmpty() ? null : v;
		this.reviewedBy = by;
		this.reviewerName = byName;
		this.changedAt = at;
	}

	/** 当天案件当天审核完毕 — late when reviewed after the case day. */
	boolean lateFor(LocalDate caseDay) {
		return reviewedOn.isAfter(caseDay);
	}

	/** For the audit log, in the user's words (messages-casework.properties, casework.audit.review*). */
	String describe(Refusals text) {
		return text.message("casework.audit.review", yn(text, subjectOk), yn(text, partyOk), yn(text, evidenceOk),
				yn(text, lawOk), yn(text, recordOk), videoNo == null ? text.message("casework.audit.none") : videoNo,
				reviewedOn)
				+ (note == null ? "" : text.message("casework.audit.review.note", note))
				+ text.message("casework.audit.review.by", reviewerName, reviewerRole);
	}

	private static String yn(Refusals text, boolean b) {
		return text.message(b ? "casework.audit.yes" : "casework.audit.no");
	}

	Long getId() {
		return id;
	}

	Long getCaseId() {
		return caseId;
	}

	Checklist checklist() {
		return new Checklist(subjectOk, partyOk, evidenceOk, lawOk, recordOk, videoNo, note);
	}

	LocalDate getReviewedOn() {
		return reviewedOn;
	}

	String getReviewerName() {
		return reviewerName;
	}

	Integer getVersion() {
		return version;
	}

}
