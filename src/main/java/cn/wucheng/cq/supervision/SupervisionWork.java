package cn.wucheng.cq.supervision;

import java.time.LocalDate;

import org.springframework.stereotype.Component;

import cn.wucheng.cq.supervision.internal.SupervisionActions;

/**
 * 督导 for another module acting as a user (the demo bureau's 法制科): the same service methods the pages call, with
 * the signed-in user's checks and the audit they write.
 */
@Component
public class SupervisionWork {

	private final SupervisionActions actions;

	SupervisionWork(SupervisionActions actions) {
		this.actions = actions;
	}

	/** the month's 研判会商 held on {@code heldOn}, with who attended and the minutes. */
	public void recordMeeting(LocalDate heldOn, String attendees, String minutes) {
		actions.recordMeeting(heldOn, attendees, minutes);
	}

	/**
	 * sets the status of key task {@code taskNo} (1–18) by hand today, with a note of its evidence. False when
	 * the system computes that task's status from the data (系统抓取), which cannot be set by hand.
	 */
	public boolean setTaskStatus(int taskNo, TaskStatus status, String note) {
		return actions.setTaskStatus(taskNo, status, note);
	}

}
