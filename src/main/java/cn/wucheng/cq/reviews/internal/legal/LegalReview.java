package cn.wucheng.cq.reviews.internal.legal;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;
import cn.wucheng.cq.shared.Refusal;
import cn.wucheng.cq.shared.Refusals;

/**
 * The legal review (法制审核, R-42) of one ordinary case with its history of rounds. The workflow is:
 * first review → 通过 (done) or 退卷; after a 退卷 the squad resubmits (重新报送) and the case is reviewed again, as
 * often as it takes. Each method refuses what the workflow does not allow, with a Chinese message.
 */
@Table("legal_review")
public class LegalReview {

	@Id
	private Long id;

	private Long caseId;

	private LegalReviewStatus status;

	@MappedCollection(idColumn = "review_id")
	private Set<ReviewRound> rounds = new HashSet<>();

	@Version
	private Integer version;

	protected LegalReview() {
	}

	/** A case's first review. */
	static LegalReview first(long caseId, LocalDate concludedOn, Reviewer reviewer, LocalDate on, ReviewOutcome outcome,
			String reason) {
		LegalReview r = new LegalReview();
		r.caseId = caseId;
		r.add(concludedOn, reviewer, on, outcome, reason);
		return r;
	}

	/**
	 * Reviews the case again; allowed only after the squad resubmitted it following a 退卷.
	 * @return the new round
	 */
	ReviewRound review(LocalDate concludedOn, Reviewer reviewer, LocalDate on, ReviewOutcome outcome, String reason) {
		switch (status) {
			case PASSED -> throw Refusal.of("legalReview.refused.passed");
			case RETURNED -> throw Refusal.of("legalReview.refused.returned");
			case RESUBMITTED -> {
				// the only state from which a new review is allowed
			}
		}
		return add(concludedOn, reviewer, on, outcome, reason);
	}

	/** The squad resubmitted the corrected file (重新报送) after a 退卷. */
	void resubmit(LocalDate on) {
		if (status != LegalReviewStatus.RETURNED) {
			throw Refusal.of("legalReview.refused.resubmitNotReturned", status.label());
		}
		ReviewRound last = last().orElseThrow();
		if (on.isBefore(last.reviewedOn())) {
			throw Refusal.of("legalReview.refused.resubmitBeforeReturn", on, last.reviewedOn());
		}
		rounds.remove(last);
		rounds.add(last.resubmitted(on));
		status = LegalReviewStatus.RESUBMITTED;
	}

	private ReviewRound add(LocalDate concludedOn, Reviewer reviewer, LocalDate on, ReviewOutcome outcome,
			String reason) {
		if (on == null) {
			throw Refusal.of("legalReview.refused.dateMissing");
		}
		if (outcome == null) {
			throw Refusal.of("legalReview.refused.outcomeMissing");
		}
		if (concludedOn == null) {
			throw Refusal.of("legalReview.refused.notConcluded");
		}
		Optional<ReviewRound> last = last();
		if (last.isPresent()) {
			LocalDate after = last.get().resubmittedOn() != null ? last.get().resubmittedOn() : last.get().reviewedOn();
			if (on.isBefore(after)) {
				throw Refusal.of("legalReview.refused.dateBeforeLast", on, after);
			}
		}
		String why = reason == null || reason.isBlank() ? null : reason.strip();
		if (outcome == ReviewOutcome.RETURNED && why == null) {
			throw Refusal.of("legalReview.refused.reasonMissing");
		}
		ReviewRound round = new ReviewRound(rounds.size() + 1, on, reviewer.userId(), reviewer.name(), outcome, why,
				null);
		rounds.add(round);
		status = outcome == ReviewOutcome.PASSED ? LegalReviewStatus.PASSED : LegalReviewStatus.RETURNED;
		return round;
	}

	Optional<ReviewRound> last() {
		return rounds.stream().max(Comparator.comparingInt(ReviewRound::roundNo));
	}

	/** For the audit log. */
	String describe(Refusals text) {
		return "status=" + status + "\nrounds=" + getRounds().stream()
			.map(r -> r.roundNo() + ":" + r.reviewedOn() + " " + r.outcome().label() + " " + r.reviewerName()
					+ (r.resubmittedOn() == null ? "" : text.message("legalReview.audit.resubmittedOn", r.resubmittedOn())))
			.toList();
	}

	public Long getId() {
		return id;
	}

	public Long getCaseId() {
		return caseId;
	}

	public LegalReviewStatus getStatus() {
		return status;
	}

	public List<ReviewRound> getRounds() {
		return rounds.stream().sorted(Comparator.comparingInt(ReviewRound::roundNo)).toList();
	}

	public Integer getVersion() {
		return version;
	}

	/** Who reviews: the signed-in 法制科 user. */
	record Reviewer(Long userId, String name) {
	}

}
