package cn.wucheng.cq.reviews;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.wucheng.cq.reviews.internal.ReviewActions;

/**
 * 法制审核 and 案卷评查 for another module acting as a user (the demo bureau's 法制科 and evaluators): the same service
 * methods the pages call, with the signed-in user's checks and the audit they write, each on the record's current
 * version.
 */
@Component
public class ReviewWork {

	/** A file drawn into an evaluation round: the case and its squad. */
	public record Drawn(long caseId, long unitId) {
	}

	/** An opened round with the files it drew. */
	public record Round(long id, List<Drawn> files) {
	}

	private final ReviewActions actions;

	ReviewWork(ReviewActions actions) {
		this.actions = actions;
	}

	/** the signed-in 法制科 user passes the ordinary case on {@code on}. */
	public void passLegalReview(long caseId, LocalDate on) {
		actions.legalReview(caseId, on, true, List.of(), null);
	}

	/** the signed-in 法制科 user returns (退卷) the case on {@code on} with deduction items (by code). */
	public void returnLegalReview(long caseId, LocalDate on, List<String> itemCodes, String reason) {
		actions.legalReview(caseId, on, false, itemCodes, reason);
	}

	/** the squad resubmitted the returned case on {@code on}. */
	public void resubmitLegalReview(long caseId, LocalDate on) {
		actions.resubmit(caseId, on);
	}

	/** the signed-in 法制科 user opens a peer-review round of the month, drawing n files per squad by seed. */
	public Round openPeerRound(YearMonth month, int perSquad, long seed) {
		return actions.openPeerRound(month, perSquad, seed);
	}

	/** assigns a peer evaluator (by 工号, of another unit) to a drawn file. Returns the evaluation's id. */
	public long assignPeer(long roundId, long caseId, String employeeNo) {
		return actions.assignPeer(roundId, caseId, employeeNo);
	}

	/** The evaluation standard's items in use, by id. */
	public List<Long> evaluationItemIds() {
		return actions.evaluationItemIds();
	}

	/** the signed-in evaluator submits his evaluation with the items the file failed. */
	public void submitEvaluation(long evaluationId, List<Long> failedItemIds, String remark) {
		actions.submitEvaluation(evaluationId, failedItemIds, remark);
	}

}
