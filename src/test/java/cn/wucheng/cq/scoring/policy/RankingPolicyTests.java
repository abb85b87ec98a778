package cn.wucheng.cq.scoring.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import cn.wucheng.cq.organisation.UnitType;
import cn.wucheng.cq.scoring.policy.RankingOrder.Ranked;
import cn.wucheng.cq.settings.RuleSetting;

/** R-30 ranking order and R-31 best-handler places, including the worked example's quarter totals. */
@Tag("nodb")
class RankingPolicyTests {

	record Officer(String employeeNo, BigDecimal total) {
	}

	private final RankingOrder order = new RankingOrder();

	/** The defaults of RULES.md: 10%, 10%, 5%, half up, at least 1. */
	private final BestHandlerPlaces places = new BestHandlerPlaces(
			new BigDecimal(RuleSetting.BEST_RATE_DIRECT.defaultValue()),
			new BigDecimal(RuleSetting.BEST_RATE_CLASS1.defaultValue()),
			new BigDecimal(RuleSetting.BEST_RATE_CLASS2.defaultValue()),
			RoundingMode.valueOf(RuleSetting.BEST_PLACES_ROUNDING.defaultValue()),
			Integer.parseInt(RuleSetting.BEST_MIN_PLACES.defaultValue()));

	private List<Ranked<Officer>> rank(Officer... officers) {
		return order.rank(List.of(officers), Officer::total);
	}

	@Test
	void r30_workedExampleQ1RanksZhangSanThenWangWuThenLiSi() {
		List<Ranked<Officer>> ranked = rank(new Officer("WE02", new BigDecimal("1.25")),
				new Officer("WE03", new BigDecimal("2.50")), new Officer("WE01", new BigDecimal("7.50")));
		assertThat(ranked).extracting(r -> r.entry().employeeNo() + "#" + r.rank())
			.containsExactly("WE01#1", "WE03#2", "WE02#3");
	}

	@Test
	void r30_equalTotalsShareARankAndTheNextRankSkips() {
		List<Ranked<Officer>> ranked = rank(new Officer("A1", new BigDecimal("10")), new Officer("A2", new BigDecimal("7.50")),
				new Officer("A3", new BigDecimal("7.5")), new Officer("A4", new BigDecimal("1")));
		assertThat(ranked).extracting(Ranked::rank).containsExactly(1, 2, 2, 4);
		assertThat(ranked).extracting(r -> r.entry().employeeNo()).containsExactly("A1", "A2", "A3", "A4");
	}

	@Test
	void r30_equalTotalsKeepTheOrderTheyAreGivenIn() {
		// the ledger gives each pool in 工号 order as the database sorts it; the ranking must not re-sort ties
		List<Ranked<Officer>> ranked = rank(new Officer("B-2", new BigDecimal("3")), new Officer("b1", new BigDecimal("3")),
				new Officer("B10", new BigDecimal("5")), new Officer("B2", new BigDecimal("3.00")));
		assertThat(ranked).extracting(r -> r.rank() + " " + r.entry().employeeNo())
			.containsExactly("1 B10", "2 B-2", "2 b1", "2 B2");
	}

	@Test
	void r31_placesAreTenPercentRoundedHalfUpAndAtLeastOne() {
		assertThat(places.places(UnitType.DIRECT_SQUAD, 29)).isEqualTo(3);
		assertThat(places.places(UnitType.DIRECT_SQUAD, 15)).isEqualTo(2);
		assertThat(places.places(UnitType.DIRECT_SQUAD, 14)).isEqualTo(1);
		assertThat(places.places(UnitType.CLASS1_SQUAD, 25)).isEqualTo(3);
		assertThat(places.places(UnitType.CLASS1_SQUAD, 3)).isEqualTo(1);
	}

	@Test
	void r31_class2SquadsGetFivePercent() {
		assertThat(places.places(UnitType.CLASS2_SQUAD, 30)).isEqualTo(2);
		assertThat(places.places(UnitType.CLASS2_SQUAD, 50)).isEqualTo(3);
		assertThat(places.places(UnitType.CLASS2_SQUAD, 29)).isEqualTo(1);
	}

	@Test
	void r31_roundingAndMinimumFollowTheSettings() {
		BestHandlerPlaces down = new BestHandlerPlaces(new BigDecimal("0.10"), new BigDecimal("0.10"),
				new BigDecimal("0.05"), RoundingMode.DOWN, 1);
		BestHandlerPlaces up = new BestHandlerPlaces(new BigDecimal("0.10"), new BigDecimal("0.10"),
				new BigDecimal("0.05"), RoundingMode.UP, 2);
		assertThat(down.places(UnitType.CLASS1_SQUAD, 25)).isEqualTo(2);
		assertThat(up.places(UnitType.CLASS1_SQUAD, 21)).isEqualTo(3);
		assertThat(up.places(UnitType.CLASS1_SQUAD, 5)).isEqualTo(2);
	}

	@Test
	void r31_anEmptyPoolHasNoPlaces() {
		assertThat(places.places(UnitType.DIRECT_SQUAD, 0)).isZero();
	}

	@Test
	void r31_tiesAtTheEdgeAllWinButATotalOfZeroNever() {
		assertThat(places.awarded(2, 2, new BigDecimal("7.5"))).isTrue();
		assertThat(places.awarded(3, 2, new BigDecimal("7.5"))).isFalse();
		assertThat(places.awarded(1, 1, BigDecimal.ZERO)).isFalse();
	}

	@Test
	void r31_bestHandlersOfATieAtTheEdgeFollowFromTheRanking() {
		List<Ranked<Officer>> ranked = rank(new Officer("A1", new BigDecimal("14")), new Officer("A2", new BigDecimal("7")),
				new Officer("A3", new BigDecimal("7")), new Officer("A4", new BigDecimal("2.5")));
		int n = places.places(UnitType.DIRECT_SQUAD, 15);
		assertThat(ranked.stream().filter(r -> places.awarded(r.rank(), n, r.entry().total())))
			.extracting(r -> r.entry().employeeNo())
			.containsExactly("A1", "A2", "A3");
	}

}
