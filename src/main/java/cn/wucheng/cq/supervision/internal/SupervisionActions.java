package cn.wucheng.cq.supervision.internal;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.stereotype.Component;

import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.supervision.TaskStatus;

/** Behind {@link cn.wucheng.cq.supervision.SupervisionWork}: meetings and the task board, as the signed-in user. */
@Component
public class SupervisionActions {

	private final Meetings meetings;

	private final TaskBoard board;

	private final SupervisionTaskRepository tasks;

	private final Clock clock;

	SupervisionActions(Meetings meetings, TaskBoard board, SupervisionTaskRepository tasks, Clock clock) {
		this.meetings = meetings;
		this.board = board;
		this.tasks = tasks;
		this.clock = clock;
	}

	public void recordMeeting(LocalDate heldOn, String attendees, String minutes) {
		meetings.record(heldOn, attendees, minutes, CurrentUser.get().username());
	}

	public boolean setTaskStatus(int taskNo, TaskStatus status, String note) {
		SupervisionTask task = tasks.findAll()
			.stream()
			.filter(t -> t.getTaskNo() == taskNo)
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no key task " + taskNo));
		LocalDate today = LocalDate.now(clock);
		if (board.computed(task.code(), today).isPresent()) {
			return false;
		}
		board.setStatus(task.getId(), task.getVersion(), status, note, CurrentUser.get(), today);
		return true;
	}

}
