package cn.wucheng.cq.supervision;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Service;

import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.supervision.internal.TaskBoard;

/** Read API for the dashboard: the 18 tasks of attachment 4 as on a day, with status and overdue flag. */
@Service
public class TaskOverview {

	/** One task on a day. */
	public record TaskState(long id, int taskNo, String theme, String measure, TaskStatus status, boolean overdue,
			String note) {
	}

	private final TaskBoard board;

	TaskOverview(TaskBoard board) {
		this.board = board;
	}

	/** Every task the user may see, by number. */
	public List<TaskState> tasks(CurrentUser user, LocalDate today) {
		return board.board(user, today)
			.stream()
			.map(v -> new TaskState(v.task().getId(), v.task().getTaskNo(), v.task().getTheme(),
					v.task().getMeasure(), v.status(), v.overdue(), v.note()))
			.toList();
	}

}
