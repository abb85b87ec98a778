package cn.wucheng.cq.scoring.policy;

import java.util.List;

import cn.wucheng.cq.scoring.coverage.CoverageTargets;
import cn.wucheng.cq.scoring.coverage.DomainCoveragePolicy;
import cn.wucheng.cq.scoring.standards.CaseCounts;
import cn.wucheng.cq.scoring.standards.CaseHandlingStandardPolicy;
import cn.wucheng.cq.scoring.standards.OrganParticipationPolicy;

import cn.wucheng.cq.settings.RuleSetting.AwardMode;

/**
 * Every rule of the points system (积分制) in one place, as named policies with the defaults of RULES.md.
 * The ledger builds the same policies from the legal section's current settings (see {@code ScoreLedger}).
 */
public final class ScoringPolicies {

	private ScoringPolicies() {
	}

	/** The policies with their default settings, in the order of RULES.md. */
	public static List<ScoringPolicy> all() {
		return List.of(new QuantityPoints(),
				new ExcellencePoints(AwardMode.HIGHEST_ONLY),
				new CoHandlerHalf(),
				new FormalOfficersEarn(), // R-23a
				new RankingOrder(),
				BestHandlerPlaces.defaults(),
				new CaseHandlingStandardPolicy(new CaseCounts(0, 2)),
				new OrganParticipationPolicy(1),
				new DomainCoveragePolicy(CoverageTargets.PROGRAMME)
		);
	}

}
