package cn.wucheng.cq.recording.internal;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.wucheng.cq.recording.GapQuery;
import cn.wucheng.cq.recording.RecordingCompliance;
import cn.wucheng.cq.reminders.DueItem;
import cn.wucheng.cq.reminders.DueItemSource;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.security.Role;

/**
 * Reminds a squad's leader and legal officer of their squad's open recording gaps: one item with the
 * count and a link to the squad's compliance list; nothing when there is none, nothing for other roles. One count
 * query. Gaps are breaches already (the record should have been made at the time), hence overdue.
 */
@Component
class RecordingReminders implements DueItemSource {

	private final RecordingCompliance compliance;

	RecordingReminders(RecordingCompliance compliance) {
		this.compliance = compliance;
	}

	@Override
	public List<DueItem> dueFor(CurrentUser user, LocalDate today) {
		if (user.role() != Role.SQUAD_LEADER && user.role() != Role.LEGAL_OFFICER || user.unitId() == null) {
			return List.of();
		}
		long open = compliance.count(GapQuery.upTo(today).unit(user.unitId()), user);
		if (open == 0) {
			return List.of();
		}
		return List.of(new DueItem("recording.due.gaps", List.of(open),
				"/recording/compliance?year=" + ComplianceController.ALL + "&unit=" + user.unitId(), null, true));
	}

}
