package cn.wucheng.cq.supervision.internal;

import cn.wucheng.cq.supervision.TaskStatus;

/** The form that sets a task's status by hand with a note. */
class TaskStatusForm implements java.io.Serializable {

	// flashed across the redirect when refused, so kept in the session, which lives in the database (issue 16)
	private static final long serialVersionUID = 1L;

	private TaskStatus status;

	private String note;

	private Integer version;

	static TaskStatusForm of(SupervisionTask t) {
		TaskStatusForm f = new TaskStatusForm();
		f.status = t.getManualStatus();
		f.note = t.getStatusNote();
		f.version = t.getVersion();
		return f;
	}

	public TaskStatus getStatus() {
		return status;
	}

	public void setStatus(TaskStatus status) {
		this.status = status;
	}

	public String getNote() {
		return note;
	}

	public void setNote(String note) {
		this.note = note;
	}

	public Integer getVersion() {
		return version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}

}
