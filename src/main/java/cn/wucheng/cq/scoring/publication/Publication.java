package cn.wucheng.cq.scoring.publication;

import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import cn.wucheng.cq.shared.BundledText;
import cn.wucheng.cq.shared.Period;
import cn.wucheng.cq.shared.Refusal;

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
			throw Refusal.of("publication.refused.notQuarter", quarter);
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
			throw Refusal.of("publication.refused.alreadyPublished", label(), describeState(today));
		}
		if (!today.isAfter(quarter().end())) {
			throw Refusal.of("publication.refused.quarterRunning", label(), quarter().end());
		}
		if (!noticeEndsOn.isAfter(today)) {
			throw Refusal.of("publication.refused.noticeTooShort");
		}
		this.status = PublicationState.PUBLISHED;
		this.publishedOn = today;
		this.publishedBy = by;
		this.noticeEndsOn = noticeEndsOn;
	}

	/** An officer may appeal only while the quarter is published and its notice period runs. */
	void requireOpenForAppeal(LocalDate today) {
		if (status != PublicationState.PUBLISHED) {
			throw Refusal.of("publication.refused.appealNotInNotice", label(), describeState(today));
		}
		if (today.isAfter(noticeEndsOn)) {
			throw Refusal.of("publication.refused.appealNoticeOver", label(), noticeEndsOn);
		}
		if (today.isBefore(publishedOn)) {
			throw Refusal.of("publication.refused.appealBeforeNotice", label(), publishedOn);
		}
	}

	/**
	 * 定稿: after the notice period (or after a re-opening) and with no appeal left undecided. The caller then takes
	 * the snapshot and records it with {@link #frozenAs(long)}.
	 */
	void finalise(LocalDate today, long openAppeals) {
		switch (status) {
			case DRAFT -> throw Refusal.of("publication.refused.finaliseDraft", label());
			case FINAL -> throw Refusal.of("publication.refused.finaliseTwice", label());
			case PUBLISHED -> {
				if (!today.isAfter(noticeEndsOn)) {
					throw Refusal.of("publication.refused.finaliseInNotice", label(), noticeEndsOn);
				}
			}
			case REOPENED -> {
				// re-opened to correct data: finalised again once corrected, without a new notice period
			}
		}
		if (openAppeals > 0) {
			throw Refusal.of("publication.refused.finaliseOpenAppeals", label(), openAppeals);
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
			throw Refusal.of("publication.refused.reopenNotFinal", label(), describeState(null));
		}
		String r = reason == null ? "" : reason.strip();
		if (r.isEmpty()) {
			throw Refusal.of("publication.refused.reopenNoReason");
		}
		if (r.length() > 500) {
			throw Refusal.of("publication.refused.reopenReasonTooLong", 500);
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

	/** The state as a refusal names it (为草稿, 公示中（至 …）…): an argument of its message, so read here. */
	private String describeState(LocalDate today) {
		String key = switch (status) {
			case DRAFT, FINAL, REOPENED -> status.name();
			case PUBLISHED -> today == null || !today.isAfter(noticeEndsOn) ? "inNotice" : "noticeOver";
		};
		return text("publication.refused.state." + key, noticeEndsOn);
	}

	private String label() {
		return quarter().label();
	}

	/** For the audit log. */
	String describe() {
		return text("publication.audit.state", status)
				+ (publishedOn == null ? "" : text("publication.audit.published", publishedOn, publishedBy))
				+ (noticeEndsOn == null ? "" : text("publication.audit.noticeEndsOn", noticeEndsOn))
				+ (freezeId == null ? "" : text("publication.audit.freeze", freezeId));
	}

	/** An entity has no message source at hand: the bundle's text (issue 15 item 3). */
	private static String text(String key, Object... args) {
		return BundledText.of("messages-publication", key, args);
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
