package cn.wucheng.cq.supervision;

import java.util.Objects;

/**
 * What the data says about a task (系统抓取, R-70): its status and a short Chinese note with the figures behind it
 * (e.g. "3/4 个直属中队已按时报送"). {@link TaskStatus#OVERDUE} may be given when the source knows the deadline passed.
 */
public record TaskEvidence(TaskStatus status, String note) {

	public TaskEvidence {
		Objects.requireNonNull(status, "status");
		note = note == null ? "" : note;
	}

}
