package cn.wucheng.cq.scoring.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import cn.wucheng.cq.organisation.UnitType;

/** R-34 领域覆盖率: covered of managed domains against the target of the squad's category. */
@Tag("nodb")
class DomainCoveragePolicyTests {

	private final DomainCoveragePolicy programme = new DomainCoveragePolicy(CoverageTargets.PROGRAMME);

	private static final List<String> THIRTY = IntStream.rangeClosed(1, 30).mapToObj(i -> "D" + i).toList();

	@Test
	void r34_aDirectSquadMustCoverAllItsManagedDomains() {
		CoverageOutcome outcome = programme.assess(UnitType.DIRECT_SQUAD, List.of("民政", "园林绿化", "应急管理"),
				Set.of("民政", "园林绿化"));

		assertThat(outcome.managed()).isEqualTo(3);
		assertThat(outcome.covered()).isEqualTo(2);
		assertThat(outcome.rate()).isEqualByComparingTo("66.67");
		assertThat(outcome.rate().toPlainString()).isEqualTo("66.67");
		assertThat(outcome.target()).isEqualTo(3);
		assertThat(outcome.met()).isFalse();
		assertThat(outcome.missing()).containsExactly("应急管理");
	}

	@Test
	void r34_casesOutsideTheManagedDomainsDoNotCount() {
		CoverageOutcome outcome = programme.assess(UnitType.DIRECT_SQUAD, List.of("民政"), Set.of("民政", "统计", "教育"));

		assertThat(outcome.covered()).isEqualTo(1);
		assertThat(outcome.rate().toPlainString()).isEqualTo("100.00");
		assertThat(outcome.met()).isTrue();
	}

	@Test
	void r34_aClassOneSquadNeedsFifteenDomainsAndAClassTwoSquadEight() {
		Set<String> fifteen = Set.copyOf(THIRTY.subList(0, 15));
		Set<String> eight = Set.copyOf(THIRTY.subList(0, 8));

		assertThat(programme.assess(UnitType.CLASS1_SQUAD, THIRTY, fifteen).met()).isTrue();
		assertThat(programme.assess(UnitType.CLASS1_SQUAD, THIRTY, eight).met()).isFalse();
		assertThat(programme.assess(UnitType.CLASS2_SQUAD, THIRTY, eight).met()).isTrue();
		assertThat(programme.assess(UnitType.CLASS2_SQUAD, THIRTY, Set.copyOf(THIRTY.subList(0, 7))).met()).isFalse();
		assertThat(programme.assess(UnitType.CLASS2_SQUAD, THIRTY, eight).rate().toPlainString()).isEqualTo("26.67");
		assertThat(programme.assess(UnitType.CLASS2_SQUAD, THIRTY, eight).target()).isEqualTo(8);
	}

	@Test
	void r34_aTargetIsManagedTimesTheRateRoundedHalfUpAndAtLeastOne() {
		assertThat(programme.target(UnitType.CLASS1_SQUAD, 30)).isEqualTo(15);
		assertThat(programme.target(UnitType.CLASS2_SQUAD, 30)).isEqualTo(8); // 8.1
		assertThat(programme.target(UnitType.CLASS1_SQUAD, 13)).isEqualTo(7); // 6.5 half up
		assertThat(programme.target(UnitType.CLASS2_SQUAD, 9)).isEqualTo(2); // 2.43
		assertThat(programme.target(UnitType.CLASS2_SQUAD, 1)).isEqualTo(1); // 0.27, at least 1
		assertThat(programme.target(UnitType.DIRECT_SQUAD, 5)).isEqualTo(5);
		DomainCoveragePolicy ninety = new DomainCoveragePolicy(
				new CoverageTargets(new BigDecimal("90"), new BigDecimal("50"), new BigDecimal("27")));
		assertThat(ninety.target(UnitType.DIRECT_SQUAD, 5)).isEqualTo(5); // 4.5 half up
		assertThat(ninety.target(UnitType.DIRECT_SQUAD, 6)).isEqualTo(5); // 5.4
	}

	@Test
	void r34_aClassSquadManagingASubsetIsMeasuredAgainstItsOwnManagedDomains() {
		List<String> ten = THIRTY.subList(0, 10);
		CoverageOutcome five = programme.assess(UnitType.CLASS1_SQUAD, ten, Set.copyOf(ten.subList(0, 5)));

		assertThat(five.target()).isEqualTo(5);
		assertThat(five.met()).isTrue();
		assertThat(programme.assess(UnitType.CLASS1_SQUAD, ten, Set.copyOf(ten.subList(0, 4))).met()).isFalse();
	}

	@Test
	void r34_theRateIsRoundedHalfUpToTwoDecimals() {
		assertThat(DomainCoveragePolicy.rate(1, 3).toPlainString()).isEqualTo("33.33");
		assertThat(DomainCoveragePolicy.rate(2, 3).toPlainString()).isEqualTo("66.67");
		assertThat(DomainCoveragePolicy.rate(1, 8).toPlainString()).isEqualTo("12.50");
		assertThat(DomainCoveragePolicy.rate(1, 16).toPlainString()).isEqualTo("6.25");
		assertThat(DomainCoveragePolicy.rate(1, 32).toPlainString()).isEqualTo("3.13"); // 3.125 half up
	}

	@Test
	void r34_aSquadManagingNothingIsUnconfiguredWithRateZeroAndNeverMet() {
		CoverageOutcome outcome = programme.assess(UnitType.DIRECT_SQUAD, List.of(), Set.of("民政"));

		assertThat(outcome.nothingManaged()).isTrue();
		assertThat(outcome.configured()).isFalse();
		assertThat(outcome.rate().toPlainString()).isEqualTo("0.00");
		assertThat(outcome.target()).isZero();
		assertThat(outcome.met()).as("R-34: 未配置 is never met").isFalse();
		assertThat(outcome.missing()).isEmpty();
	}

	@Test
	void r34_missingDomainsKeepTheOrderOfTheManagedList() {
		CoverageOutcome outcome = programme.assess(UnitType.CLASS2_SQUAD, List.of("c", "a", "b"), Set.of("a"));

		assertThat(outcome.missing()).containsExactly("c", "b");
	}

}
