package cn.wucheng.cq.scoring.standards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** R-33 机关参与: organ officers handle at least one ordinary case per quarter. */
@Tag("nodb")
class OrganParticipationPolicyTests {

	private final OrganParticipationPolicy oneOrdinary = new OrganParticipationPolicy(1);

	@Test
	void r33_oneOrdinaryCaseIsEnough() {
		StandardOutcome outcome = oneOrdinary.assess(new CaseCounts(0, 1));

		assertThat(outcome.rule()).isEqualTo(StandardRule.ORGAN_PARTICIPATION);
		assertThat(outcome.status()).isEqualTo(StandardStatus.MET);
		assertThat(outcome.required().ordinary()).isEqualTo(1);
	}

	@Test
	void r33_simpleCasesDoNotCount() {
		assertThat(oneOrdinary.assess(new CaseCounts(5, 0)).status()).isEqualTo(StandardStatus.NOT_MET);
	}

	@Test
	void r33_theRuleHasNoSimpleMinimumAndNoAgeBands() {
		assertThat(StandardRule.ORGAN_PARTICIPATION.requiresSimple()).isFalse();
		assertThat(StandardRule.ALL_HANDLE_CASES.requiresSimple()).isTrue();
		assertThat(oneOrdinary.assess(CaseCounts.NONE).status()).isEqualTo(StandardStatus.NOT_MET);
	}

	@Test
	void r33_theMinimumFollowsTheSetting() {
		OrganParticipationPolicy two = new OrganParticipationPolicy(2);

		assertThat(two.assess(new CaseCounts(0, 1)).status()).isEqualTo(StandardStatus.NOT_MET);
		assertThat(two.assess(new CaseCounts(0, 2)).status()).isEqualTo(StandardStatus.MET);
		assertThatThrownBy(() -> new OrganParticipationPolicy(-1)).isInstanceOf(IllegalArgumentException.class);
	}

}
