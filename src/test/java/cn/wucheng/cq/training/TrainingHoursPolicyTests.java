package cn.wucheng.cq.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import cn.wucheng.cq.support.RefusalText;

/** 60 hours a year, judged against the point in the year: hours &lt; 60 × days elapsed / days in year. */
@Tag("nodb")
class TrainingHoursPolicyTests {

	final TrainingHoursPolicy sixty = new TrainingHoursPolicy(new BigDecimal("60"));

	@Test
	void r62_on1July2024HalfTheLeapYearHasElapsedSo30HoursAreOnScheduleAnd29Point5Behind() {
		LocalDate july1 = LocalDate.of(2024, 7, 1); // day 183 of 366
		assertThat(TrainingHoursPolicy.daysElapsed(2024, july1)).isEqualTo(183);
		assertThat(sixty.expectedBy(2024, july1)).isEqualByComparingTo("30.00");
		assertThat(sixty.isBehind(new BigDecimal("30"), 2024, july1)).isFalse();
		assertThat(sixty.isBehind(new BigDecimal("29.5"), 2024, july1)).isTrue();
	}

	@Test
	void r62_theComparisonIsExactNotRounded() {
		LocalDate jan10 = LocalDate.of(2025, 1, 10); // 60 × 10 / 365 = 1.6438…
		assertThat(sixty.expectedBy(2025, jan10)).isEqualByComparingTo("1.64");
		assertThat(sixty.isBehind(new BigDecimal("1.64"), 2025, jan10)).isTrue();
		assertThat(sixty.isBehind(new BigDecimal("1.65"), 2025, jan10)).isFalse();
	}

	@Test
	void r62_forAPastYearBehindMeansShortOfTheFullSixty() {
		LocalDate asOf = TrainingHoursPolicy.asOf(2024, LocalDate.of(2026, 3, 1));
		assertThat(asOf).isEqualTo(LocalDate.of(2024, 12, 31));
		assertThat(sixty.expectedBy(2024, asOf)).isEqualByComparingTo("60");
		assertThat(sixty.isBehind(new BigDecimal("59.5"), 2024, asOf)).isTrue();
		assertThat(sixty.isBehind(new BigDecimal("60"), 2024, asOf)).isFalse();
		assertThat(sixty.isComplete(new BigDecimal("60"))).isTrue();
	}

	@Test
	void r62_beforeTheYearStartsNobodyIsBehind() {
		LocalDate asOf = TrainingHoursPolicy.asOf(2030, LocalDate.of(2029, 12, 31));
		assertThat(TrainingHoursPolicy.daysElapsed(2030, asOf)).isZero();
		assertThat(sixty.isBehind(BigDecimal.ZERO, 2030, asOf)).isFalse();
	}

	@Test
	void r62_theShortfallIsWhatIsMissingToTheYearNeverNegative() {
		assertThat(sixty.shortfall(new BigDecimal("42.5"))).isEqualByComparingTo("17.5");
		assertThat(sixty.shortfall(new BigDecimal("75"))).isEqualByComparingTo("0");
	}

	@Test
	void r62_aNegativeRequirementIsRefused() {
		assertThat(RefusalText.thrownBy(() -> new TrainingHoursPolicy(new BigDecimal("-1")))).contains("不能为负数");
	}

}
