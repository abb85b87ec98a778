package cn.wucheng.cq.scoring.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import cn.wucheng.cq.settings.RuleSetting.AwardMode;

/**
 * STYLE.md: the rules are named policies listed in one place, each citing its rule id — and the list is what the
 * ledger scores and ranks with (issue 15 item 5), not a list kept for a test.
 */
@Tag("nodb")
class ScoringPoliciesTests {

	@Test
	void theRegistryHoldsOnePolicyForEachRuleOfThePointsAndTheRankingInTheOrderOfTheRules() throws Exception {
		ScoringPolicies policies = new ScoringPolicies(new QuantityPoints(), new ExcellencePoints(AwardMode.HIGHEST_ONLY),
				new CoHandlerHalf(), new FormalOfficersEarn(), new RankingOrder(), new BestHandlerPlaces(
						new BigDecimal("0.10"), new BigDecimal("0.10"), new BigDecimal("0.05"), RoundingMode.HALF_UP, 1));
		List<String> ruleIds = new ArrayList<>();
		for (var component : ScoringPolicies.class.getRecordComponents()) {
			ruleIds.add(((ScoringPolicy) component.getAccessor().invoke(policies)).ruleId());
		}
		assertThat(ruleIds).containsExactly("R-20", "R-22", "R-23", "R-23a", "R-30", "R-31");
	}

}
