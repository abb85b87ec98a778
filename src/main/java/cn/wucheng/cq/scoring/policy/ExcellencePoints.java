package cn.wucheng.cq.scoring.policy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Objects;

import cn.wucheng.cq.reviews.AwardLevel;
import cn.wucheng.cq.settings.RuleSetting.AwardMode;

/**
 * R-22 创先争优分: an excellent case file (优秀案卷) rated 省级 5, 市级 3, 区级 2, 局级 1, credited in the period that
 * contains the rating date. By default ({@link AwardMode#HIGHEST_ONLY}) a case counts only its highest level: an award
 * is credited its points minus the highest points of the same case's awards that came before it (rated earlier, or the
 * same day at a higher level), never below 0 — so 局级 in Q1 = 1, then 市级 in Q3 = +2, and a lower level after a higher
 * one adds nothing. With {@link AwardMode#CUMULATIVE} (setting AWARD_MODE) every award adds its full points.
 */
public final class ExcellencePoints implements ScoringPolicy {

	/** One award of a case. */
	public record Award(AwardLevel level, LocalDate ratedOn) {

		public Award {
			Objects.requireNonNull(level);
			Objects.requireNonNull(ratedOn);
		}

		/** Whether this award counts before {@code other} for the highest-only rule. */
		boolean comesBefore(Award other) {
			return ratedOn.isBefore(other.ratedOn)
					|| ratedOn.equals(other.ratedOn) && level.points().compareTo(other.level.points()) > 0;
		}

	}

	private final AwardMode mode;

	public ExcellencePoints(AwardMode mode) {
		this.mode = Objects.requireNonNull(mode);
	}

	@Override
	public String ruleId() {
		return "R-22";
	}

	public AwardMode mode() {
		return mode;
	}

	/** The full points of a level. */
	public BigDecimal points(AwardLevel level) {
		return level.points();
	}

	/**
	 * The points already credited to the case by awards that come before {@code award} (0 in cumulative mode): what
	 * the breakdown shows as "minus the level already counted".
	 */
	public BigDecimal creditedBefore(Award award, Collection<Award> awardsOfCase) {
		if (mode == AwardMode.CUMULATIVE) {
			return BigDecimal.ZERO;
		}
		return awardsOfCase.stream()
			.filter(a -> a.comesBefore(award))
			.map(a -> points(a.level()))
			.max(BigDecimal::compareTo)
			.orElse(BigDecimal.ZERO);
	}

	/** The points an award credits in the period of its rating date, before the co-handler's half. */
	public BigDecimal credit(Award award, Collection<Award> awardsOfCase) {
		BigDecimal credit = points(award.level()).subtract(creditedBefore(award, awardsOfCase));
		return credit.signum() < 0 ? BigDecimal.ZERO : credit;
	}

}
