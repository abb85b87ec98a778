package cn.wucheng.cq.reviews.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.wucheng.cq.reviews.DeductionItem;
import cn.wucheng.cq.reviews.ReviewWork;
import cn.wucheng.cq.reviews.internal.evaluation.Evaluations;
import cn.wucheng.cq.reviews.internal.evaluation.RoundKind;
import cn.wucheng.cq.reviews.internal.legal.LegalReview;
import cn.wucheng.cq.reviews.internal.legal.LegalReviews;
import cn.wucheng.cq.reviews.internal.legal.ReviewOutcome;
import cn.wucheng.cq.security.CurrentUser;

/** Behind {@link ReviewWork}: the legal-review and evaluation services, as the signed-in user, at current versions. */
@Component
public class ReviewActions {

	private final LegalReviews legal;

	private final Evaluations evaluations;

	ReviewActions(LegalReviews legal, Evaluations evaluations) {
		this.legal = legal;
		this.evaluations = evaluations;
	}

	public void legalReview(long caseId, LocalDate on, boolean passed, List<String> itemCodes, String reason) {
		List<Long> ids = legal.activeItems()
			.stream()
			.filter(i -> itemCodes.contains(i.getCode()))
			.map(DeductionItem::getId)
			.toList();
		legal.record(caseId, legal.review(caseId).map(LegalReview::getVersion).orElse(null),
				new LegalReviews.ReviewInput(on, passed ? ReviewOutcome.PASSED : ReviewOutcome.RETURNED, ids, reason),
				CurrentUser.get());
	}

	public void resubmit(long caseId, LocalDate on) {
		legal.resubmit(caseId, legal.review(caseId).map(LegalReview::getVersion).orElse(null), on, CurrentUser.get());
	}

	public ReviewWork.Round openPeerRound(YearMonth month, int perSquad, long seed) {
		var round = evaluations.open(RoundKind.PEER_REVIEW, month, perSquad, seed, CurrentUser.get());
		return new ReviewWork.Round(round.getId(),
				round.getFiles().stream().map(f -> new ReviewWork.Drawn(f.caseId(), f.unitId())).toList());
	}

	public long assignPeer(long roundId, long caseId, String employeeNo) {
		return evaluations.assign(roundId, caseId, employeeNo, null, CurrentUser.get()).getId();
	}

	public List<Long> evaluationItemIds() {
		return evaluations.standardItems().stream().map(i -> i.getId()).toList();
	}

	public void submitEvaluation(long evaluationId, List<Long> failedItemIds, String remark) {
		CurrentUser user = CurrentUser.get();
		evaluations.submit(evaluationId, evaluations.evaluation(evaluationId, user).getVersion(), failedItemIds, remark,
				user);
	}

}
