package cn.wucheng.cq.reviews.internal.legal;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.wucheng.cq.reminders.DueItem;
import cn.wucheng.cq.reminders.DueItemSource;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.security.Role;

/** R-42 reminder for 法制科: counted ordinary cases awaiting legal review (one count query). */
@Component
class LegalReviewDue implements DueItemSource {

	private final LegalReviews reviews;

	LegalReviewDue(LegalReviews reviews) {
		this.reviews = reviews;
	}

	@Override
	public List<DueItem> dueFor(CurrentUser user, LocalDate today) {
		if (user.role() != Role.LEGAL) {
			return List.of();
		}
		long n = reviews.awaitingCount();
		return n == 0 ? List.of()
				: List.of(new DueItem("legalReview.due.awaiting", List.of(n), "/legal-reviews?state=AWAITING", null,
						false));
	}

}
