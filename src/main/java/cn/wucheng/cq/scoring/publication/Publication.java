package cn.wucheng.cq.scoring.publication;

import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import cn.wucheng.cq.shared.Period;

/**
 * The publication of a quarter's scores and ranking: a draft is published by the legal section for a notice
 * period (公示期, counted in working days, R-27), during which officers appeal; after it ends and with every appeal
 * decided the quarter is finalised (定稿) and read from a snapshot; a final quarter is re-opened only with a recorded
 * reason. Each step is a method here that refuses what the rule does not allow.
 */
@Table("quarter_publication")
public class Publication {

	@Id
	private Long id;

	private String periodCode;

	private PublicationState status;

	private LocalDate publishedOn;

	private String publishedBy;

	private LocalDate noticeEndsOn;

	private Long freezeId;

	@Version
	private Integer version;

	protected Publication() {
	}

	/** A quarter not yet published (its row is written when it is). */
	public static Publication draft(Period quarter) {
		if (!quarter.isQuarter()) {
			throw new PublicationRefusal("公示按季度进行，期间须为季度（如 2024-Q1），收到: " + quarter);
		}
		Publication p = new Publication();
		p.periodCode = quarter.toString();
		p.status = PublicationState.DRAFT;
		return p;
	}

	/**
	 * 公示: the legal section publishes the quarter's scores and ranking on {@code today}, after the quarter has ended,
	 * for a notice period ending on {@code noticeEndsOn} (the n-th working day after today).
	 */
	void publish(String by, LocalDate today, LocalDate noticeEndsOn) {
		if (status != PublicationState.DRAFT) {
			throw new PublicationRefusal(label() + "已公示（当前状态：" + describeState(today) + "），不能重复公示");
		}
		if (!today.isAfter(quarter().end())) {
			throw new PublicationRefusal(label() + "尚未结束（至 " + quarter().end() + "），季度结束后才能公示积分和排名");
		}
		if (!noticeEndsOn.isAfter(today)) {
			throw new PublicationRefusal("公示期须至少 1 个工作日");
		}
		this.status = PublicationState.PUBLISHED;
		this.publishedOn = today;
		this.publishedBy = by;
		this.noticeEndsOn = noticeEndsOn;
	}

	/** An officer may appeal only while the quarter is published and its notice period runs. */
	void requireOpenForAppeal(LocalDate today) {
		if (status != PublicationState.PUBLISHED) {
			throw new PublicationRefusal(label() + "当前" + describeState(today) + "，不在公示期内，不能申诉");
		}
		if (today.isAfter(noticeEndsOn)) {
			throw new PublicationRefusal(label() + "的公示期已于 " + noticeEndsOn + " 结束，不能再申诉");
		}
		if (today.isBefore(publishedOn)) {
			throw new PublicationRefusal(label() + "自 " + publishedOn + " 起公示，公示开始后才能申诉");
		}
	}

	/**
	 * 定稿: after the notice period (or after a re-opening) and with no appeal left undecided. The caller then takes
	 * the snapshot and records it with {@link #frozenAs(long)}.
	 */
	void finalise(LocalDate today, long openAppeals) {
		switch (status) {
			case DRAFT -> throw new PublicationRefusal(label() + "尚未公示，须先公示并经过公示期后才能定稿");
			case FINAL -> throw new PublicationRefusal(label() + "已定稿，不能重复定稿");
			case PUBLISHED -> {
				if (!today.isAfter(noticeEndsOn)) {
					throw new PublicationRefusal(label() + "的公示期至 " + noticeEndsOn + " 结束，公示期满后才能定稿");
				}
			}
			case REOPENED -> {
				// re-opened to correct data: finalised again once corrected, without a new notice period
			}
		}
		if (openAppeals > 0) {
			throw new PublicationRefusal(label() + "还有 " + openAppeals + " 件申诉未处理，处理完毕后才能定稿");
		}
		this.status = PublicationState.FINAL;
	}

	/** Records the snapshot taken at finalisation. */
	void frozenAs(long freezeId) {
		if (status != PublicationState.FINAL) {
			throw new IllegalStateException("only a final quarter has a snapshot");
		}
		this.freezeId = freezeId;
	}

	/**
	 * 重新开放: a final quarter goes back to live data, with a reason (recorded on the freeze it ends, and audited).
	 * @return the freeze that is no longer current
	 */
	long reopen(String reason) {
		if (status != PublicationState.FINAL) {
			throw new PublicationRefusal(label() + "当前" + describeState(null) + "，只有已定稿的季度可以重新开放");
		}
		String r = reason == null ? "" : reason.strip();
		if (r.isEmpty()) {
			throw new PublicationRefusal("重新开放须填写原因");
		}
		if (r.length() > 500) {
			throw new PublicationRefusal("重新开放的原因不能超过 500 个字");
		}
		long ended = freezeId;
		this.status = PublicationState.REOPENED;
		this.freezeId = null;
		return ended;
	}

	/** The state as pages show it. */
	public QuarterState state(LocalDate today) {
		return new QuarterState(quarter(), status, publishedOn, noticeEndsOn, today);
	}

	private String describeState(LocalDate today) {
		return switch (status) {
			case DRAFT -> "为草稿";
			case PUBLISHED -> today == null || !today.isAfter(noticeEndsOn) ? "公示中（至 " + noticeEndsOn + "）"
					: "公示期已满（" + noticeEndsOn + "）";
			case FINAL -> "已定稿";
			case REOPENED -> "已重新开放";
		};
	}

	private String label() {
		return quarter().label();
	}

	/** For the audit log. */
	String describe() {
		return "状态 " + status + (publishedOn == null ? "" : "；公示 " + publishedOn + "（" + publishedBy + "）")
				+ (noticeEndsOn == null ? "" : "；公示期至 " + noticeEndsOn)
				+ (freezeId == null ? "" : "；定稿快照 " + freezeId);
	}

	public Period quarter() {
		return Period.parse(periodCode);
	}

	public Long getId() {
		return id;
	}

	public String getPeriodCode() {
		return periodCode;
	}

	public PublicationState getStatus() {
		return status;
	}

	public LocalDate getPublishedOn() {
		return publishedOn;
	}

	public String getPublishedBy() {
		return publishedBy;
	}

	public LocalDate getNoticeEndsOn() {
		return noticeEndsOn;
	}

	public Long getFreezeId() {
		return freezeId;
	}

	public Integer getVersion() {
		return version;
	}

}
