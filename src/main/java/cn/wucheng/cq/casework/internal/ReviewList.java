package cn.wucheng.cq.casework.internal;

import java.time.LocalDateTime;
import java.time.YearMonth;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import cn.wucheng.cq.casework.ReviewListStatus;

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
			throw new CaseworkRefusal("审核清单已" + label(status) + "，不能再次签字");
		}
		if (cases == 0) {
			throw new CaseworkRefusal("本月没有简易程序案件，审核清单无需签字");
		}
		if (unreviewed > 0) {
			throw new CaseworkRefusal("本月还有 " + unreviewed + " 起简易程序案件未经法制员审核，审核完毕后才能签字");
		}
		status = ReviewListStatus.SIGNED;
		signedBy = by;
		signerName = byName;
		signedAt = at;
	}

	/** 报送法制科: only a signed list. */
	void submit(String by, LocalDateTime at) {
		if (status != ReviewListStatus.SIGNED) {
			throw new CaseworkRefusal(status == ReviewListStatus.DRAFT ? "审核清单须先由中队长签字，才能报送法制科"
					: "审核清单已报送法制科，不能重复报送");
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
			throw CaseworkRefusal.of("casework.list.returnNotSubmitted");
		}
		if (reason == null || reason.isBlank()) {
			throw CaseworkRefusal.of("casework.list.returnReasonBlank");
		}
		if (reason.strip().length() > 500) {
			throw CaseworkRefusal.of("casework.list.returnReasonLong");
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

	static String label(ReviewListStatus s) {
		return switch (s) {
			case DRAFT -> "草稿";
			case SIGNED -> "签字";
			case SUBMITTED -> "报送";
		};
	}

	String describe() {
		return "状态 " + status + (signedAt == null ? "" : "；签字 " + signerName + " " + signedAt)
				+ (submittedAt == null ? "" : "；报送 " + submittedAt)
				+ (returnedAt == null ? "" : "；退回 " + returnerName + " " + returnedAt + "：" + returnReason);
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
