package cn.wucheng.cq.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** points are exact decimals, shown exactly with at least two places, never rounded. */
class PointsTests {

	@Test
	void r24_aCoHandlersHalfOfOnePointSeventyFiveIsShownAsZeroPointEightSevenFive() {
		Points half = Points.of("1.75").times(new BigDecimal("0.5"));
		assertThat(half.toString()).isEqualTo("0.875");
		assertThat(half.value()).isEqualByComparingTo("0.875");
	}

	@Test
	void r24_wholeAndOneDecimalValuesAreShownWithTwoPlaces() {
		assertThat(Points.of(10).toString()).isEqualTo("10.00");
		assertThat(Points.of("100").toString()).isEqualTo("100.00");
		assertThat(Points.of("10.5").toString()).isEqualTo("10.50");
		assertThat(Points.ZERO.toString()).isEqualTo("0.00");
		assertThat(Points.of("2.500").toString()).isEqualTo("2.50");
	}

	@Test
	void r24_r30_totalsShownAlikeAreEqualAndTotalsThatDifferAreShownDifferently() {
		Points a = Points.of("1.125");
		Points b = Points.of("1.13");
		assertThat(a.toString()).isNotEqualTo(b.toString());
		assertThat(a).isNotEqualTo(b);
		assertThat(Points.of("1.130")).isEqualTo(b).hasSameHashCodeAs(b);
		assertThat(Points.of("1.130").toString()).isEqualTo(b.toString());
	}

	@Test
	void r24_theSpreadsheetFormatShowsEveryDecimal() {
		assertThat(Points.of("7.5").spreadsheetFormat()).isEqualTo("0.00");
		assertThat(Points.of("0.875").spreadsheetFormat()).isEqualTo("0.000");
		assertThat(Points.of("0.0625").spreadsheetFormat()).isEqualTo("0.0000");
	}

}
