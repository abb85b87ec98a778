package cn.wucheng.cq.scoring.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import cn.wucheng.cq.cases.CaseCategory;
import cn.wucheng.cq.cases.QualityPoints;
import cn.wucheng.cq.reviews.AwardLevel;
import cn.wucheng.cq.scoring.policy.HandlerRole;
import cn.wucheng.cq.scoring.policy.ExcellencePoints.Award;
import cn.wucheng.cq.settings.RuleSetting.AwardMode;

/** Each scoring policy against the worked example of examples/README.md. */
@Tag("nodb")
class WorkedExamplePolicyTests {

	private final QuantityPoints quantity = new QuantityPoints();

	private final CoHandlerHalf half = new CoHandlerHalf();

	private final ExcellencePoints highestOnly = new ExcellencePoints(AwardMode.HIGHEST_ONLY);

	private final ExcellencePoints cumulative = new ExcellencePoints(AwardMode.CUMULATIVE);

	private static final Award BUREAU_Q2 = new Award(AwardLevel.BUREAU, LocalDate.of(2024, 6, 15));

	private static final Award CITY_Q3 = new Award(AwardLevel.CITY, LocalDate.of(2024, 8, 1));

	private static final Award DISTRICT_Q4 = new Award(AwardLevel.DISTRICT, LocalDate.of(2024, 10, 1));

	private static final List<Award> CASE_C = List.of(BUREAU_Q2, CITY_Q3, DISTRICT_Q4);

	@Test
	void r20_simpleOrdinaryAndMajorCasesGiveHalfFiveAndTenPoints() {
		assertThat(quantity.of(CaseCategory.SIMPLE)).isEqualByComparingTo("0.5");
		assertThat(quantity.of(CaseCategory.ORDINARY)).isEqualByComparingTo("5");
		assertThat(quantity.of(CaseCategory.MAJOR)).isEqualByComparingTo("10");
	}

	@Test
	void r21_aCaseNeverReturnedKeepsItsTwoQualityPoints() {
		assertThat(QualityPoints.of(List.of()).exact()).isEqualByComparingTo("2");
	}

	@Test
	void r21_caseBLosesPc02AndPc03ButItsQualityStopsAtZero() {
		assertThat(QualityPoints.of(List.of(new BigDecimal("1"), new BigDecimal("1.5"))).exact()).isEqualByComparingTo("0");
		assertThat(QualityPoints.of(List.of(new BigDecimal("1.5"))).exact()).isEqualByComparingTo("0.5");
	}

	@Test
	void r23_caseAGivesZhangSanTwoFiftyAndLiSiHalfOfEachComponent() {
		BigDecimal quantityA = quantity.of(CaseCategory.SIMPLE);
		BigDecimal qualityA = QualityPoints.of(List.of()).exact();
		assertThat(half.share(quantityA, HandlerRole.LEAD).add(half.share(qualityA, HandlerRole.LEAD)))
			.isEqualByComparingTo("2.50");
		assertThat(half.share(quantityA, HandlerRole.CO)).isEqualByComparingTo("0.25");
		assertThat(half.share(qualityA, HandlerRole.CO)).isEqualByComparingTo("1");
	}

	@Test
	void r22_highestOnlyCreditsBureauThenTheDifferenceToCityAndNothingForTheLaterDistrictLevel() {
		assertThat(highestOnly.credit(BUREAU_Q2, CASE_C)).isEqualByComparingTo("1");
		assertThat(highestOnly.credit(CITY_Q3, CASE_C)).isEqualByComparingTo("2");
		assertThat(highestOnly.creditedBefore(CITY_Q3, CASE_C)).isEqualByComparingTo("1");
		assertThat(highestOnly.credit(DISTRICT_Q4, CASE_C)).isEqualByComparingTo("0");
	}

	@Test
	void r22_twoLevelsOnTheSameDayCountOnlyTheHigherOne() {
		Award city = new Award(AwardLevel.CITY, LocalDate.of(2024, 8, 1));
		Award bureau = new Award(AwardLevel.BUREAU, LocalDate.of(2024, 8, 1));
		List<Award> both = List.of(bureau, city);
		assertThat(highestOnly.credit(city, both).add(highestOnly.credit(bureau, both))).isEqualByComparingTo("3");
		assertThat(highestOnly.credit(bureau, both)).isEqualByComparingTo("0");
	}

	@Test
	void r22_cumulativeModeAddsEveryLevelInFull() {
		assertThat(cumulative.credit(BUREAU_Q2, CASE_C)).isEqualByComparingTo("1");
		assertThat(cumulative.credit(CITY_Q3, CASE_C)).isEqualByComparingTo("3");
		assertThat(cumulative.credit(DISTRICT_Q4, CASE_C)).isEqualByComparingTo("2");
	}

	@Test
	void r22_r23_wangWuGetsTwelvePlusOneInQ2AndZhangSanHalfOfIt() {
		BigDecimal caseC = quantity.of(CaseCategory.MAJOR).add(QualityPoints.of(List.of()).exact());
		BigDecimal award = highestOnly.credit(BUREAU_Q2, CASE_C);
		assertThat(half.share(caseC.add(award), HandlerRole.LEAD)).isEqualByComparingTo("13.00");
		assertThat(half.share(caseC.add(award), HandlerRole.CO)).isEqualByComparingTo("6.50");
	}

}
