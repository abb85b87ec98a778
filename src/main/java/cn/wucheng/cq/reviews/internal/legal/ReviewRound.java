package cn.wucheng.cq.reviews.internal.legal;

import java.time.LocalDate;

import org.springframework.data.relational.core.mapping.Table;

/**
 * One legal review of a case: who (the signed-in 法制科 user), when, the outcome and — for a 退卷 — the reason
 * and the day the squad resubmitted. Kept as history; never changed but for the resubmission date.
 */
@Table("legal_review_round")
public record ReviewRound(int roundNo, LocalDate reviewedOn, Long reviewerUserId, String reviewerName,
		ReviewOutcome outcome, String reason, LocalDate resubmittedOn) {

	ReviewRound resubmitted(LocalDate on) {
		return new ReviewRound(roundNo, reviewedOn, reviewerUserId, reviewerName, outcome, reason, on);
	}

}
