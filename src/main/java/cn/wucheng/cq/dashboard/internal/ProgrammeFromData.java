package cn.wucheng.cq.dashboard.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.wucheng.cq.casework.CaseworkFigures;
import cn.wucheng.cq.recording.GapKind;
import cn.wucheng.cq.recording.GapQuery;
import cn.wucheng.cq.recording.RecordingCompliance;
import cn.wucheng.cq.reviews.ReviewRates;
import cn.wucheng.cq.shared.Refusals;
import cn.wucheng.cq.supervision.TaskEvidence;
import cn.wucheng.cq.supervision.TaskStatus;
import cn.wucheng.cq.supervision.TaskStatusSource;

/**
 * R-70 "系统抓取": the key tasks of attachment 4 whose state the review and recording data tell, judged on the last
 * month ended (the tasks are monthly or standing duties) — T07 普通程序 100% 法制审核, T08 简易案件审核清单 by
 * the 15th, T10 简易程序全过程记录, T12 调查询问室. (T09, the monthly 案卷互评, stays set by hand:
 * the legal section records the round's follow-up that the data does not show.) Lives here, in the
 * top module, because supervision may not depend on the modules it supervises (they already depend on what it does).
 * Each answer is one or two set-based queries.
 */
@Component
@Order(50)
class ProgrammeFromData implements TaskStatusSource {

	private final ReviewRates reviewRates;

	private final CaseworkFigures casework;

	private final RecordingCompliance recording;

	private final Refusals refusals;

	ProgrammeFromData(ReviewRates reviewRates, CaseworkFigures casework, RecordingCompliance recording,
			Refusals refusals) {
		this.refusals = refusals;
		this.reviewRates = reviewRates;
		this.casework = casework;
		this.recording = recording;
	}

	@Override
	public Optional<TaskEvidence> statusOf(String taskCode, LocalDate today) {
		YearMonth month = YearMonth.from(today).minusMonths(1);
		LocalDate from = month.atDay(1);
		LocalDate to = month.atEndOfMonth();
		return switch (taskCode) {
			case "T07" -> Optional.of(legalReview(month, from, to));
			case "T08" -> Optional.of(lists(month, from, to));
			case "T10" -> Optional.of(gaps(month, List.of(GapKind.R50_NO_VIDEO), refusals.message("dashboard.task.gap.noVideo")));
			case "T12" -> Optional.of(gaps(month, List.of(GapKind.R51_NO_BODY_CAMERA, GapKind.R51_AUXILIARY_IN_ROOM),
					refusals.message("dashboard.task.gap.inquiry")));
			default -> Optional.empty();
		};
	}

	/** every ordinary case concluded last month legally reviewed. */
	private TaskEvidence legalReview(YearMonth month, LocalDate from, LocalDate to) {
		long concluded = 0;
		long reviewed = 0;
		for (ReviewRates.Row r : reviewRates.rates(from, to, Optional.empty())) {
			concluded += r.concluded();
			reviewed += r.reviewed();
		}
		String note = refusals.message("dashboard.task.legalReview", month, reviewed, concluded);
		if (concluded == 0) {
			return new TaskEvidence(TaskStatus.IN_PROGRESS, refusals.message("dashboard.task.legalReview.none", month));
		}
		return new TaskEvidence(reviewed == concluded ? TaskStatus.DONE : TaskStatus.OVERDUE, note);
	}

	/** every squad's list of last month submitted by the 15th. */
	private TaskEvidence lists(YearMonth month, LocalDate from, LocalDate to) {
		int due = 0;
		int onTime = 0;
		int missingOrLate = 0;
		for (CaseworkFigures.SquadFigures f : casework.forPeriod(from, to).values()) {
			due += f.listsDue();
			onTime += f.listsOnTime();
			missingOrLate += f.listsLate() + f.listsMissing();
		}
		String note = refusals.message("dashboard.task.lists", month, onTime, due);
		if (missingOrLate > 0) {
			return new TaskEvidence(TaskStatus.OVERDUE, refusals.message("dashboard.task.lists.late", note, missingOrLate));
		}
		return new TaskEvidence(due > 0 && onTime == due ? TaskStatus.DONE : TaskStatus.IN_PROGRESS, note);
	}

	/** no gap of these kinds in last month's cases. */
	private TaskEvidence gaps(YearMonth month, List<GapKind> kinds, String what) {
		long count = 0;
		for (GapKind kind : kinds) {
			count += recording.count(new GapQuery(month.atDay(1), month.atEndOfMonth(), null, kind, null), null);
		}
		return count == 0 ? new TaskEvidence(TaskStatus.DONE, refusals.message("dashboard.task.gap.none", month, what))
				: new TaskEvidence(TaskStatus.OVERDUE, refusals.message("dashboard.task.gap.some", month, what, count));
	}

}
