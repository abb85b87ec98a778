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

	ProgrammeFromData(ReviewRates reviewRates, CaseworkFigures casework, RecordingCompliance recording) {
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
			case "T10" -> Optional.of(gaps(month, List.of(GapKind.R50_NO_VIDEO), "简易程序及路面查处案件无视频"));
			case "T12" -> Optional.of(gaps(month, List.of(GapKind.R51_NO_BODY_CAMERA, GapKind.R51_AUXILIARY_IN_ROOM),
					"调查询问不合规"));
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
		String note = month + " 普通程序案件法制审核 " + reviewed + "/" + concluded + " 件";
		if (concluded == 0) {
			return new TaskEvidence(TaskStatus.IN_PROGRESS, month + " 无办结的普通程序案件");
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
		String note = month + " 审核清单按时报送 " + onTime + "/" + due + " 个中队";
		if (missingOrLate > 0) {
			return new TaskEvidence(TaskStatus.OVERDUE, note + "，逾期或未报送 " + missingOrLate + " 个");
		}
		return new TaskEvidence(due > 0 && onTime == due ? TaskStatus.DONE : TaskStatus.IN_PROGRESS, note);
	}

	/** no gap of these kinds in last month's cases. */
	private TaskEvidence gaps(YearMonth month, List<GapKind> kinds, String what) {
		long count = 0;
		for (GapKind kind : kinds) {
			count += recording.count(new GapQuery(month.atDay(1), month.atEndOfMonth(), null, kind, null), null);
		}
		return count == 0 ? new TaskEvidence(TaskStatus.DONE, month + " 无" + what + "情形")
				: new TaskEvidence(TaskStatus.OVERDUE, month + " " + what + " " + count + " 处");
	}

}
