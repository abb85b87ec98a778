package cn.wucheng.cq.scoring.publication;

import java.time.LocalDate;

import cn.wucheng.cq.shared.Period;

/**
 * A quarter's publication state as the pages show it (草稿 / 公示中 until a date / 公示期满 / 已定稿 / 已重新开放), judged
 * on {@code today}.
 */
public record QuarterState(Period quarter, PublicationState state, LocalDate publishedOn, LocalDate noticeEndsOn,
		LocalDate today) {

	public static QuarterState draft(Period quarter, LocalDate today) {
		return new QuarterState(quarter, PublicationState.DRAFT, null, null, today);
	}

	/** Published and the notice period still running (today up to and including its last day). */
	public boolean inNotice() {
		return state == PublicationState.PUBLISHED && !today.isAfter(noticeEndsOn);
	}

	/** The message key of the state's label on this day. */
	public String labelKey() {
		return switch (state) {
			case DRAFT -> "publication.state.DRAFT";
			case PUBLISHED -> inNotice() ? "publication.state.inNotice" : "publication.state.noticeOver";
			case FINAL -> "publication.state.FINAL";
			case REOPENED -> "publication.state.REOPENED";
		};
	}

	public boolean visibleToOfficers() {
		return state.visibleToOfficers();
	}

	public boolean isFinal() {
		return state == PublicationState.FINAL;
	}

}
