package cn.wucheng.cq.scoring.policy;

import java.util.Objects;

import cn.wucheng.cq.settings.RuleSetting;
import cn.wucheng.cq.settings.RuleSettings;

/**
 * The rules of the points system (积分制, attachment 1) and of the quarterly ranking in force, as named policies in
 * the order of RULES.md: what the ledger scores and ranks with. Its set-based SQL takes every number from them
 * (R-20, R-22, R-23, R-23a), and it ranks and awards with the last two; {@link #inForce} builds them from
 * the legal section's current settings, so a changed setting shows at once.
 * <p>
 * R-21 lives beside R-20 in the cases module ({@code cases.QualityPoints}), which owns the case and shows its quality
 * points; the standards and the coverage build their policies from each year's standard
 * ({@code CaseStandards}, {@code DomainCoverage}).
 */
public record ScoringPolicies(QuantityPoints quantity, ExcellencePoints excellence, CoHandlerHalf coHandler,
		FormalOfficersEarn formalOfficersEarn, RankingOrder rankingOrder, BestHandlerPlaces bestHandlerPlaces) {

	public ScoringPolicies {
		Objects.requireNonNull(quantity);
		Objects.requireNonNull(excellence);
		Objects.requireNonNull(coHandler);
		Objects.requireNonNull(formalOfficersEarn);
		Objects.requireNonNull(rankingOrder);
		Objects.requireNonNull(bestHandlerPlaces);
	}

	/** The policies with the legal section's current settings (AWARD_MODE, BEST_RATE_*, BEST_PLACES_ROUNDING…). */
	public static ScoringPolicies inForce(RuleSettings settings) {
		return new ScoringPolicies(new QuantityPoints(), new ExcellencePoints(settings.awardMode()), new CoHandlerHalf(),
				new FormalOfficersEarn(), new RankingOrder(),
				new BestHandlerPlaces(settings.decimal(RuleSetting.BEST_RATE_DIRECT),
						settings.decimal(RuleSetting.BEST_RATE_CLASS1), settings.decimal(RuleSetting.BEST_RATE_CLASS2),
						settings.placesRounding(), settings.integer(RuleSetting.BEST_MIN_PLACES)));
	}

}
