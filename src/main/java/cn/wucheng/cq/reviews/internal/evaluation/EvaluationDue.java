package cn.wucheng.cq.reviews.internal.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.wucheng.cq.reminders.DueItem;
import cn.wucheng.cq.reminders.DueItemSource;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.security.Role;

/**
 * R-43 reminders: an evaluator's files assigned to him and not yet scored; for 法制科 also the spot checks whose
 * third-party results are still to be entered.
 */
@Component
class EvaluationDue implements DueItemSource {

	private final Evaluations evaluations;

	EvaluationDue(Evaluations evaluations) {
		this.evaluations = evaluations;
	}

	@Override
	public List<DueItem> dueFor(CurrentUser user, LocalDate today) {
		if (user.role().administrative()) {
			return List.of();
		}
		List<DueItem> due = new ArrayList<>();
		long mine = evaluations.unscoredFor(user.personId());
		if (mine > 0) {
			due.add(new DueItem("evaluation.due.mine", List.of(mine), "/evaluations/mine", null, false));
		}
		if (user.role() == Role.LEGAL) {
			long spot = evaluations.unscoredSpotChecks();
			if (spot > 0) {
				due.add(new DueItem("evaluation.due.spotChecks", List.of(spot), "/evaluations/rounds", null, false));
			}
		}
		return due;
	}

}
