package cn.wucheng.cq.supervision.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import cn.wucheng.cq.organisation.UnitType;
import cn.wucheng.cq.shared.Refusal;
import cn.wucheng.cq.supervision.TaskStatus;
import cn.wucheng.cq.supervision.TaskStatusSource;

/**
 * One key task of attachment 4, as transcribed by migration V4_50. Its text is fixed by the programme; what
 * changes is the status the legal section or supervision sets by hand, always with a note ({@link #setStatus}).
 */
@Table("supervision_task")
public class SupervisionTask {

	@Id
	private Long id;

	private int taskNo;

	private String theme;

	private String measure;

	private String deadlineText;

	private DeadlineKind deadlineKind;

	private Integer dueMonth;

	private Integer dueDay;

	private String verification;

	private String checkUnits;

	private String remarks;

	private String sourceNote;

	private String squadTypes;

	private TaskStatus manualStatus;

	private String statusNote;

	private String statusBy;

	private LocalDate statusOn;

	@Version
	private Integer version;

	protected SupervisionTask() {
	}

	/**
	 * Sets the status by hand with a note saying why (what was checked). Refuses 逾期 — the system decides it from the
	 * deadline — and a blank note.
	 */
	void setStatus(TaskStatus status, String note, String by, LocalDate on) {
		if (status == null) {
			throw Refusal.of("supervision.refused.statusMissing");
		}
		if (status == TaskStatus.OVERDUE) {
			throw Refusal.of("supervision.refused.overdueByHand");
		}
		if (note == null || note.isBlank()) {
			throw Refusal.of("supervision.refused.noteMissing");
		}
		if (note.strip().length() > 500) {
			throw Refusal.of("supervision.refused.noteTooLong", 500);
		}
		this.manualStatus = status;
		this.statusNote = note.strip();
		this.statusBy = by;
		this.statusOn = on;
	}

	/**
	 * The status set by hand as it stands on {@code today}: for a monthly task, 已完成 counts only in the month it was
	 * set (a new month is a new round: 进行中).
	 */
	TaskStatus manualStatusOn(LocalDate today) {
		TaskStatus s = manualStatus == null ? TaskStatus.NOT_STARTED : manualStatus;
		if (deadlineKind == DeadlineKind.MONTHLY && s == TaskStatus.DONE
				&& (statusOn == null || !YearMonth.from(statusOn).equals(YearMonth.from(today)))) {
			return TaskStatus.IN_PROGRESS;
		}
		return s;
	}

	/** For a monthly task: whether it was set 已完成 in or after that month (the month's round is done). */
	boolean doneFor(YearMonth month) {
		return manualStatus == TaskStatus.DONE && statusOn != null && !statusOn.isBefore(month.atDay(1));
	}

	/** The squad categories this task concerns; empty for a task of the bureau (法制科 and the like). */
	public Set<UnitType> concernedSquadTypes() {
		Set<UnitType> set = EnumSet.noneOf(UnitType.class);
		if (squadTypes != null && !squadTypes.isBlank()) {
			Arrays.stream(squadTypes.split(",")).map(String::strip).map(UnitType::valueOf).forEach(set::add);
		}
		return set;
	}

	public String code() {
		return TaskStatusSource.code(taskNo);
	}

	public Long getId() {
		return id;
	}

	public int getTaskNo() {
		return taskNo;
	}

	public String getTheme() {
		return theme;
	}

	public String getMeasure() {
		return measure;
	}

	public String getDeadlineText() {
		return deadlineText;
	}

	public DeadlineKind getDeadlineKind() {
		return deadlineKind;
	}

	public Integer getDueMonth() {
		return dueMonth;
	}

	public Integer getDueDay() {
		return dueDay;
	}

	public String getVerification() {
		return verification;
	}

	public String getCheckUnits() {
		return checkUnits;
	}

	public String getRemarks() {
		return remarks;
	}

	public String getSourceNote() {
		return sourceNote;
	}

	public TaskStatus getManualStatus() {
		return manualStatus;
	}

	public String getStatusNote() {
		return statusNote;
	}

	public String getStatusBy() {
		return statusBy;
	}

	public LocalDate getStatusOn() {
		return statusOn;
	}

	public Integer getVersion() {
		return version;
	}

	void setVersion(Integer version) {
		this.version = version;
	}

}
