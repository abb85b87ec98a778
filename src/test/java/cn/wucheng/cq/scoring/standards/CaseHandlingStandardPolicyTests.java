package cn.wucheng.cq.scoring.standards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import cn.wucheng.cq.organisation.Sex;
import cn.wucheng.cq.shared.Period;
import cn.wucheng.cq.support.RefusalText;

/** R-32 全员办案: the standard by age (周岁 on the quarter's first day) and sex. */
@Tag("nodb")
class CaseHandlingStandardPolicyTests {

	private static final Period Q2 = Period.quarter(2024, 2);

	private final CaseHandlingStandardPolicy defaultStandard = new CaseHandlingStandardPolicy(new CaseCounts(0, 2));

	@Test
	void r32_aManUnderFiftyMustReachTheFullStandard() {
		StandardOutcome twoOrdinary = defaultStandard.assess(Sex.MALE, LocalDate.of(1990, 5, 1), Q2, new CaseCounts(0, 2));
		StandardOutcome oneOrdinary = defaultStandard.assess(Sex.MALE, LocalDate.of(1990, 5, 1), Q2, new CaseCounts(3, 1));

		assertThat(twoOrdinary.status()).isEqualTo(StandardStatus.MET);
		assertThat(twoOrdinary.required()).isEqualTo(new CaseCounts(0, 2));
		assertThat(twoOrdinary.rule()).isEqualTo(StandardRule.ALL_HANDLE_CASES);
		assertThat(oneOrdinary.status()).isEqualTo(StandardStatus.NOT_MET);
	}

	@Test
	void r32_simpleCasesDoNotMakeUpForMissingOrdinaryCases() {
		CaseHandlingStandardPolicy both = new CaseHandlingStandardPolicy(new CaseCounts(3, 1));

		assertThat(both.assess(Sex.FEMALE, LocalDate.of(1990, 1, 1), Q2, new CaseCounts(10, 0)).status())
			.isEqualTo(StandardStatus.NOT_MET);
		assertThat(both.assess(Sex.FEMALE, LocalDate.of(1990, 1, 1), Q2, new CaseCounts(2, 5)).status())
			.isEqualTo(StandardStatus.NOT_MET);
		assertThat(both.assess(Sex.FEMALE, LocalDate.of(1990, 1, 1), Q2, new CaseCounts(3, 1)).status())
			.isEqualTo(StandardStatus.MET);
	}

	@Test
	void r32_ageIsCountedInCompletedYearsOnTheFirstDayOfTheQuarter_aBirthdayOnThatDayCounts() {
		// Born 1974-04-01: 50 on 2024-04-01, the first day of Q2, but still 49 on the first day of Q1.
		LocalDate birth = LocalDate.of(1974, 4, 1);

		assertThat(CaseHandlingStandardPolicy.ageOn(birth, Q2.start())).isEqualTo(50);
		assertThat(defaultStandard.assess(Sex.MALE, birth, Q2, new CaseCounts(0, 1)).status())
			.isEqualTo(StandardStatus.HALVED_MET);
		assertThat(defaultStandard.assess(Sex.MALE, birth, Period.quarter(2024, 1), new CaseCounts(0, 1)).status())
			.isEqualTo(StandardStatus.NOT_MET);
	}

	@Test
	void r32_aBirthdayTheDayAfterTheQuarterStartsCountsOnlyNextQuarter() {
		LocalDate birth = LocalDate.of(1974, 4, 2);

		assertThat(CaseHandlingStandardPolicy.ageOn(birth, Q2.start())).isEqualTo(49);
		assertThat(defaultStandard.assess(Sex.MALE, birth, Q2, new CaseCounts(0, 1)).status())
			.isEqualTo(StandardStatus.NOT_MET);
		assertThat(defaultStandard.assess(Sex.MALE, birth, Period.quarter(2024, 3), new CaseCounts(0, 1)).status())
			.isEqualTo(StandardStatus.HALVED_MET);
	}

	@Test
	void r32_menFromFiftyToFiftyFourHaveEachMinimumHalved() {
		StandardOutcome fifty = defaultStandard.assess(Sex.MALE, LocalDate.of(1974, 1, 1), Q2, new CaseCounts(0, 1));
		StandardOutcome fiftyFour = defaultStandard.assess(Sex.MALE, LocalDate.of(1969, 4, 2), Q2, new CaseCounts(0, 0));

		assertThat(fifty.required()).isEqualTo(new CaseCounts(0, 1));
		assertThat(fifty.status()).isEqualTo(StandardStatus.HALVED_MET);
		assertThat(CaseHandlingStandardPolicy.ageOn(LocalDate.of(1969, 4, 2), Q2.start())).isEqualTo(54);
		assertThat(fiftyFour.required()).isEqualTo(new CaseCounts(0, 1));
		assertThat(fiftyFour.status()).isEqualTo(StandardStatus.HALVED_NOT_MET);
	}

	@Test
	void r32_halvingRoundsOddMinimumsUp() {
		CaseHandlingStandardPolicy odd = new CaseHandlingStandardPolicy(new CaseCounts(3, 5));

		StandardOutcome halved = odd.assess(Sex.MALE, LocalDate.of(1972, 1, 1), Q2, new CaseCounts(2, 2));

		assertThat(halved.required()).isEqualTo(new CaseCounts(2, 3));
		assertThat(halved.status()).isEqualTo(StandardStatus.HALVED_NOT_MET);
		assertThat(new CaseCounts(1, 0).halvedRoundingUp()).isEqualTo(new CaseCounts(1, 0));
		assertThat(new CaseCounts(0, 4).halvedRoundingUp()).isEqualTo(new CaseCounts(0, 2));
	}

	@Test
	void r32_menOfFiftyFiveAndOverAreExemptWithNothingRequired() {
		LocalDate fiftyFiveOnQuarterStart = LocalDate.of(1969, 4, 1);

		StandardOutcome outcome = defaultStandard.assess(Sex.MALE, fiftyFiveOnQuarterStart, Q2, new CaseCounts(1, 0));

		assertThat(outcome.status()).isEqualTo(StandardStatus.EXEMPT);
		assertThat(outcome.required()).isEqualTo(CaseCounts.NONE);
		assertThat(outcome.done()).isEqualTo(new CaseCounts(1, 0));
	}

	@Test
	void r32_womenOfFortyNineHaveTheFullStandardAndWomenOfFiftyAreExempt() {
		StandardOutcome fortyNine = defaultStandard.assess(Sex.FEMALE, LocalDate.of(1974, 4, 2), Q2, new CaseCounts(0, 1));
		StandardOutcome fifty = defaultStandard.assess(Sex.FEMALE, LocalDate.of(1974, 4, 1), Q2, new CaseCounts(0, 0));

		assertThat(fortyNine.required()).isEqualTo(new CaseCounts(0, 2));
		assertThat(fortyNine.status()).isEqualTo(StandardStatus.NOT_MET);
		assertThat(fifty.required()).isEqualTo(CaseCounts.NONE);
		assertThat(fifty.status()).isEqualTo(StandardStatus.EXEMPT);
	}

	@Test
	void r32_theBandsByAgeAndSex() {
		assertThat(CaseHandlingStandardPolicy.bandOf(Sex.MALE, 49)).isEqualTo(CaseHandlingStandardPolicy.Band.FULL);
		assertThat(CaseHandlingStandardPolicy.bandOf(Sex.MALE, 50)).isEqualTo(CaseHandlingStandardPolicy.Band.HALVED);
		assertThat(CaseHandlingStandardPolicy.bandOf(Sex.MALE, 54)).isEqualTo(CaseHandlingStandardPolicy.Band.HALVED);
		assertThat(CaseHandlingStandardPolicy.bandOf(Sex.MALE, 55)).isEqualTo(CaseHandlingStandardPolicy.Band.EXEMPT);
		assertThat(CaseHandlingStandardPolicy.bandOf(Sex.FEMALE, 49)).isEqualTo(CaseHandlingStandardPolicy.Band.FULL);
		assertThat(CaseHandlingStandardPolicy.bandOf(Sex.FEMALE, 50)).isEqualTo(CaseHandlingStandardPolicy.Band.EXEMPT);
	}

	@Test
	void r32_aLeapDayBirthdayIsReachedOnlyOnTheFirstOfMarchInOtherYears() {
		assertThat(CaseHandlingStandardPolicy.ageOn(LocalDate.of(1972, 2, 29), LocalDate.of(2022, 2, 28))).isEqualTo(49);
		assertThat(CaseHandlingStandardPolicy.ageOn(LocalDate.of(1972, 2, 29), LocalDate.of(2022, 3, 1))).isEqualTo(50);
	}

	@Test
	void r32_aStandardIsForAQuarterOnly() {
		assertThat(RefusalText.thrownBy(() -> defaultStandard.assess(Sex.MALE, LocalDate.of(1990, 1, 1),
				Period.year(2024), CaseCounts.NONE)))
			.contains("季度");
	}

	@Test
	void caseCountsAreNeverNegative() {
		assertThatThrownBy(() -> new CaseCounts(-1, 0)).isInstanceOf(IllegalArgumentException.class);
	}

}
