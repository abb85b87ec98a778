package cn.wucheng.cq.reviews;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** R-43's default grades: ≥ 90 优秀, 60–89 合格, < 60 不合格, on exact decimals. */
@Tag("nodb")
class EvaluationGradeTests {

	@Test
	void ninetyIsExcellentAndEightyNinePointNineNineIsNot() {
		assertThat(EvaluationGrade.of(new BigDecimal("100"))).isEqualTo(EvaluationGrade.EXCELLENT);
		assertThat(EvaluationGrade.of(new BigDecimal("90.00"))).isEqualTo(EvaluationGrade.EXCELLENT);
		assertThat(EvaluationGrade.of(new BigDecimal("89.99"))).isEqualTo(EvaluationGrade.QUALIFIED);
	}

	@Test
	void sixtyIsQualifiedAndBelowSixtyFails() {
		assertThat(EvaluationGrade.of(new BigDecimal("60"))).isEqualTo(EvaluationGrade.QUALIFIED);
		assertThat(EvaluationGrade.of(new BigDecimal("59.99"))).isEqualTo(EvaluationGrade.FAILED);
		assertThat(EvaluationGrade.of(BigDecimal.ZERO)).isEqualTo(EvaluationGrade.FAILED);
		assertThat(EvaluationGrade.FAILED.label()).isEqualTo("不合格");
	}

	@Test
	void r43_theLegalSectionsThresholdsDecideTheGrade() {
		EvaluationGrade.Thresholds stricter = new EvaluationGrade.Thresholds(new BigDecimal("95"), new BigDecimal("70"));
		assertThat(EvaluationGrade.of(new BigDecimal("92"), stricter)).isEqualTo(EvaluationGrade.QUALIFIED);
		assertThat(EvaluationGrade.of(new BigDecimal("95"), stricter)).isEqualTo(EvaluationGrade.EXCELLENT);
		assertThat(EvaluationGrade.of(new BigDecimal("65"), stricter)).isEqualTo(EvaluationGrade.FAILED);
	}

}
