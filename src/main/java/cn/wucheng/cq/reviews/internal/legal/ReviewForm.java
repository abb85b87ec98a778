package cn.wucheng.cq.reviews.internal.legal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The legal-review form: date, outcome and — for a 退卷 — deduction items and reason. The version carries what
 * the user saw (empty for a case never reviewed), so a stale review is refused.
 */
class ReviewForm {

	@NotNull(message = "{legalReview.error.dateBlank}")
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate reviewedOn;

	@NotNull(message = "{legalReview.error.outcomeBlank}")
	private ReviewOutcome outcome;

	private List<Long> itemIds = new ArrayList<>();

	@Size(max = 500, message = "{legalReview.error.reasonLong}")
	private String reason;

	private Integer version;

	LegalReviews.ReviewInput toInput() {
		return new LegalReviews.ReviewInput(reviewedOn, outcome, itemIds, reason);
	}

	public LocalDate getReviewedOn() {
		return reviewedOn;
	}

	public void setReviewedOn(LocalDate reviewedOn) {
		this.reviewedOn = reviewedOn;
	}

	public ReviewOutcome getOutcome() {
		return outcome;
	}

	public void setOutcome(ReviewOutcome outcome) {
		this.outcome = outcome;
	}

	public List<Long> getItemIds() {
		return itemIds;
	}

	public void setItemIds(List<Long> itemIds) {
		this.itemIds = itemIds == null ? new ArrayList<>() : itemIds;
	}

	public String getReason() {
		return reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}

	public Integer getVersion() {
		return version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}

}
