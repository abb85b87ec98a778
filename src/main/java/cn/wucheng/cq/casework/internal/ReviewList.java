package cn.wucheng.cq.casework.internal;

import java.time.LocalDateTime;
import java.time.YearMonth;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import cn.wucheng.cq.casework.ReviewListStatus;
import cn.wucheng.cq.shared.Refusal;
import cn.wucheng.cq.shared.Refusals;

/**
 * A squad's monthly review list (简易案件审核清单, R-41). Its rows are the month's simple cases with their reviews,
 * assembled by SQL; this aggregate holds the workflow: DRAFT → SIGNED (the squad leader signs electronically, only
 * when every case of the month is reviewed) → SUBMITTED (to 法制科); 法制科 may return (退回) a submitted list with a
 * reason, back to DRAFT, so that the squad can correct its reviews (a signed list locks them) and sign and submit it
 * again. Each step refuses what does not follow.
 */
@Table("review_list")
class ReviewList {

	@Id
	private Long id;

	private Long unitId;

	private int listYear;

	private int listMonth;

	private ReviewListStatus status;

	private String signedBy;

	private String signerName;

	private LocalDateTime signedAt;

	private String submittedBy;

	private LocalDateTime submittedAt;

	/** The first submission: the list's lateness is judged by it once it is resubmitted after a return. */
	private LocalDateTime firstSubmittedAt;

	private String returnedBy;

	private String returnerName;

	private LocalDateTime returnedAt;

	private String returnReason;

	private int returnCount;

	@Version
	private Integer version;

	protected ReviewList() {
	}

	ReviewList(Long unitId, YearMonth month) {
		this.unitId = unitId;
		this.listYear = month.getYear();
		this.listMonth = month.getMonthValue();
		this.status = ReviewListStatus.DRAFT;
	}

	/** 中队长签字: refused while cases of the month are unreviewed (R-41 follows R-40), or when already signed. */
	void sign(String by, String byName, LocalDateTime at, int unreviewed, int cases) {
		if (status != ReviewListStatus.DRAFT) {
			throw Refusal.of("casework.refused.listSigned", Refusal.label("casework.list.state." + status.name()));
		}
		if (cases == 0) {
			throw Refusal.of("casework.refused.listNoCases");
		}
		if (unreviewed > 0) {
			throw Refusal.of("casework.refused.listUnreviewed", unreviewed);
		}
		status = ReviewListStatus.SIGNED;
		signedBy = by;
		signerName = byName;
		signedAt = at;
	}

	/** 报送法制科: only a signed list. */
	void submit(String by, LocalDateTime at) {
		if (status != ReviewListStatus.SIGNED) {
			throw Refusal.of(status == ReviewListStatus.DRAFT ? "casework.refused.listNotSigned"
					: "casework.refused.listSubmitted");
		}
		status = ReviewListStatus.SUBMITTED;
		submittedBy = by;
		submittedAt = at;
	}

	/**
	 * 退回 by 法制科: only a submitted list, with a reason the squad can act on. Back to DRAFT: the signature
	 * attested the content, which the squad is now to correct, so it is cleared with the submission; the first
	 * submission is kept for the deadline.
	 */
	void returnToSquad(String by, String byName, LocalDateTime at, String reason) {
		if (status != ReviewListStatus.SUBMITTED) {
			throw Refusal.of("casework.list.returnNotSubmitted");
		}
		if (reason == null || reason.isBlank()) {
			throw Refusal.of("casework.list.returnReasonBlank");
		}
		if (reason.strip().length() > 500) {
			throw Refusal.of("casework.list.returnReasonLong");
		}
		if (firstSubmittedAt == null) {
			firstSubmittedAt = submittedAt;
		}
		status = ReviewListStatus.DRAFT;
		signedBy = null;
		signerName = null;
		signedAt = null;
		submittedBy = null;
		submittedAt = null;
		returnedBy = by;
		returnerName = byName;
		returnedAt = at;
		returnReason = reason.strip();
		returnCount++;
	}

	/** When the list counts as submitted for its deadline: the first submission, once it is submitted (again). */
	LocalDateTime judgedSubmission() {
		return submittedAt == null ? null : firstSubmittedAt == null ? submittedAt : firstSubmittedAt;
	}

	public boolean isSigned() {
		return status != ReviewListStatus.DRAFT;
	}

	/** For the audit log, in the user's words (messages-casework.properties, casework.audit.list*). */
	String describe(Refusals text) {
		return text.message("casework.audit.list", status)
				+ (signedAt == null ? "" : text.message("casework.audit.list.signed", signerName, signedAt))
				+ (submittedAt == null ? "" : text.message("casework.audit.list.submitted", submittedAt))
				+ (returnedAt == null ? ""
						: text.message("casework.audit.list.returned", returnerName, returnedAt, returnReason));
	}

	public YearMonth month() {
		return YearMonth.of(listYear, listMonth);
	}

	public Long getId() {
		return id;
	}

	public Long getUnitId() {
		return unitId;
	}

	public ReviewListStatus getStatus() {
		return status;
	}

	public String getSignedBy() {
		return signedBy;
	}

	public String getSignerName() {
		return signerName;
	}

	public LocalDateTime getSignedAt() {
		return signedAt;
	}

	public String getSubmittedBy() {
		return submittedBy;
	}

	public LocalDateTime getSubmittedAt() {
		return submittedAt;
	}

	public LocalDateTime getFirstSubmittedAt() {
		return firstSubmittedAt;
	}

	public String getReturnedBy() {
		return returnedBy;
	}

	public String getReturnerName() {
		return returnerName;
	}

	public LocalDateTime getReturnedAt() {
		return returnedAt;
	}

	public String getReturnReason() {
		return returnReason;
	}

	public int getReturnCount() {
		return returnCount;
	}

	public Integer getVersion() {
		return version;
	}

}
