package cn.wucheng.cq.notifications.internal;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.wucheng.cq.casework.CaseAssigned;
import cn.wucheng.cq.casework.ReviewListReturned;
import cn.wucheng.cq.notifications.MessageKind;
import cn.wucheng.cq.notifications.Notifications;
import cn.wucheng.cq.notifications.Notifications.Recipient;
import cn.wucheng.cq.reviews.CaseReturned;
import cn.wucheng.cq.scoring.AppealDecided;
import cn.wucheng.cq.shared.Period;
import cn.wucheng.cq.training.TrainingPlanReturned;

/**
 * Messages for events that concern a person. Plain {@code @EventListener}s: they run in the publisher's transaction
 * (this application has no event publication registry, so an after-commit or asynchronous listener could lose a
 * message when the process stops between commit and send) — the message exists exactly when the change was
 * committed, and a failure here rolls the change back rather than losing the message silently.
 */
@Component
class EventMessages {

	private final Notifications notifications;

	private final MessageSource messages;

	EventMessages(Notifications notifications, MessageSource messages) {
		this.notifications = notifications;
		this.messages = messages;
	}

	/** each handler who is new in his place (主办人 or 协办人) hears of the case, not one who stays. */
	@EventListener
	void on(CaseAssigned e) {
		String link = "/cases/" + e.caseId();
		if (e.newLead(e.leadId())) {
			notifications.send(Recipient.person(e.leadId()), MessageKind.CASE_ASSIGNED,
					"notifications.event.caseLead", List.of(e.caseNo()), link);
		}
		if (e.newCo(e.coId())) {
			notifications.send(Recipient.person(e.coId()), MessageKind.CASE_ASSIGNED, "notifications.event.caseCo",
					List.of(e.caseNo()), link);
		}
	}

	/** the officer whose appeal it was, with the decision and the legal section's note. */
	@EventListener
	void on(AppealDecided e) {
		notifications.send(Recipient.person(e.personId()), MessageKind.APPEAL_DECIDED,
				e.upheld() ? "notifications.event.appealUpheld" : "notifications.event.appealRejected",
				List.of(quarter(e.periodCode()), e.itemLabel() == null ? "" : e.itemLabel(),
						e.note() == null ? "" : e.note()),
				"/scores/" + e.employeeNo() + "?period=" + e.periodCode());
	}

	/** the squad's leaders, who submit the plan again after changing it. */
	@EventListener
	void on(TrainingPlanReturned e) {
		notifications.send(Recipient.squadLeadersOf(e.unitId()), MessageKind.RETURNED,
				"notifications.event.planReturned",
				List.of(e.unitName(), Integer.toString(e.year()), e.reason() == null ? "" : e.reason()),
				"/training/plans/" + e.planId());
	}

	/** the squad's leader and legal officer, who have the file put right and hand it in again. */
	@EventListener
	void on(CaseReturned e) {
		notifications.send(Recipient.squadOf(e.unitId()), MessageKind.RETURNED, "notifications.event.caseReturned",
				List.of(e.caseNo(), String.join(messages.getMessage("notifications.event.itemSeparator", null, Locale.SIMPLIFIED_CHINESE), e.items()), e.reason() == null || e.reason().isBlank() ? "—"
						: e.reason().strip()),
				"/legal-reviews/cases/" + e.caseId());
	}

	/** the squad's leader and legal officer, who correct the monthly list; the leader signs and submits it again. */
	@EventListener
	void on(ReviewListReturned e) {
		notifications.send(Recipient.squadOf(e.unitId()), MessageKind.RETURNED, "notifications.event.listReturned",
				List.of(e.unitName(), Integer.toString(e.year()), Integer.toString(e.month()), e.reason()), e.link());
	}

	/** "2024-Q1" as the programme writes it: 2024年第1季度. */
	private static String quarter(String periodCode) {
		try {
			return Period.parse(periodCode).label();
		}
		catch (RuntimeException e) {
			return periodCode;
		}
	}

}
