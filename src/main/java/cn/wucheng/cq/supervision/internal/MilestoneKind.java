package cn.wucheng.cq.supervision.internal;

import java.util.Optional;

import cn.wucheng.cq.organisation.UnitType;
import cn.wucheng.cq.supervision.ReportKind;

/**
 * The programme's one-off stages (R-74, 三、工作安排 of the programme), each year; labels are
 * {@code supervision.milestone.*}. Where a date is kept elsewhere it is read from there: the batches from the rollout
 * the reports from R-72.
 */
enum MilestoneKind {

	/** （一）确定任务清单: by 5 January. */
	TASK_LIST(1, 5, null, null),
	/** （二）集中动员部署: the mobilisation meeting by 8 January. */
	MOBILISATION(1, 8, null, null),
	/** （三）第一批: 直属中队, the rollout batch's window (9 Jan–29 Feb in 2024). */
	BATCH_DIRECT(0, 0, UnitType.DIRECT_SQUAD, null),
	/** （三）第二批: 一类中队 (1 Mar–30 Apr in 2024). */
	BATCH_CLASS1(0, 0, UnitType.CLASS1_SQUAD, null),
	/** （三）第三批: 二类中队 (1 May–30 Jun in 2024). */
	BATCH_CLASS2(0, 0, UnitType.CLASS2_SQUAD, null),
	/** （四）中期评估报告: by the end of July. */
	MID_TERM_REPORT(0, 0, null, ReportKind.MID_TERM),
	/** （四）工作总结: by the end of December. */
	SUMMARY(0, 0, null, ReportKind.ANNUAL);

	private final int month;

	private final int day;

	private final UnitType batch;

	private final ReportKind report;

	MilestoneKind(int month, int day, UnitType batch, ReportKind report) {
		this.month = month;
		this.day = day;
		this.batch = batch;
		this.report = report;
	}

	/** The default month and day of a milestone with a date of its own; 0 for the others. */
	int month() {
		return month;
	}

	int day() {
		return day;
	}

	/** The squad category whose rollout batch this is. */
	Optional<UnitType> batch() {
		return Optional.ofNullable(batch);
	}

	/** The report whose deadline this is. */
	Optional<ReportKind> report() {
		return Optional.ofNullable(report);
	}

	public String messageKey() {
		return "supervision.milestone." + name();
	}

}
