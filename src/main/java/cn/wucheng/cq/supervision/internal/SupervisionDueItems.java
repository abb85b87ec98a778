package cn.wucheng.cq.supervision.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.wucheng.cq.reminders.DueItem;
import cn.wucheng.cq.reminders.DueItemSource;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.security.Role;
import cn.wucheng.cq.supervision.ReportKind;
import cn.wucheng.cq.supervision.TaskStatus;

/**
 * What supervision has due for the legal section and supervision: every overdue key task, the month's
 * review meeting not yet recorded (due by the 25th, shown from the 15th and overdue after it), and the reports from
 * the month before they are due until the task is done. Other roles get nothing.
 */
@Component
class SupervisionDueItems implements DueItemSource {

	private final TaskBoard board;

	private final MeetingRepository meetings;

	private final TaskDeadlines deadlines;

	SupervisionDueItems(TaskBoard board, MeetingRepository meetings, TaskDeadlines deadlines) {
		this.board = board;
		this.meetings = meetings;
		this.deadlines = deadlines;
	}

	@Override
	public List<DueItem> dueFor(CurrentUser user, LocalDate today) {
		if (user.role() != Role.LEGAL && user.role() != Role.SUPERVISION) {
			return List.of();
		}
		List<DueItem> items = new ArrayList<>();
		List<TaskBoard.TaskView> tasks = board.board(user, today);
		for (TaskBoard.TaskView t : tasks) {
			if (t.overdue()) {
				items.add(new DueItem("supervision.due.taskOverdue", List.of(t.task().getTaskNo(), t.task().getMeasure()),
						"/supervision/tasks/" + t.task().getId(), t.deadline().due(), true));
			}
		}
		YearMonth month = YearMonth.from(today);
		LocalDate meetingDue = deadlines.meetingDue(month);
		if (today.getDayOfMonth() >= 15 && meetings.firstHeldIn(month.atDay(1), month.atEndOfMonth()).isEmpty()) {
			items.add(new DueItem("supervision.due.meeting", List.of(String.valueOf(month.getYear()), month.getMonthValue()),
					"/supervision/meetings", meetingDue, today.isAfter(meetingDue)));
		}
		for (ReportKind kind : ReportKind.values()) {
			int taskNo = kind == ReportKind.MID_TERM ? 17 : 18;
			TaskBoard.TaskView task = tasks.stream().filter(t -> t.task().getTaskNo() == taskNo).findFirst().orElse(null);
			LocalDate due = task == null ? null : task.deadline().due();
			if (task == null || task.status() == TaskStatus.DONE || task.overdue() || due == null) {
				continue; // an overdue report is listed with the overdue tasks above
			}
			if (!today.isBefore(due.withDayOfMonth(1).minusMonths(1))) {
				items.add(new DueItem("supervision.due.report", List.of(kind.label(), String.valueOf(today.getYear())),
						"/supervision/reports?year=" + today.getYear(), due, false));
			}
		}
		return items;
	}

}
