package cn.wucheng.cq.scoring.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** STYLE.md: the rules are named policies listed in one place, each citing its rule id. */
@Tag("nodb")
class ScoringPoliciesTests {

	@Test
	void everyRuleOfThePointsRankingsStandardsAndCoverageIsListedOnce() {
		assertThat(ScoringPolicies.all()).extracting(ScoringPolicy::ruleId)
			.containsExactly("R-20", "R-22", "R-23", "R-23a", "R-30", "R-31", "R-32", "R-33", "R-34");
	}

}
