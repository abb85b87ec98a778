package cn.wucheng.cq.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.wucheng.cq.shared.Points;
import cn.wucheng.cq.support.SharedContextLock;

/**
 * R-21 is computed in one place, {@link QualityPoints}: the case page calls it in Java, the scoring ledger's set-based
 * SQL takes its expression from it. On PostgreSQL the expression gives what the Java gives on every branch.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest
class QualityPointsTests {

	@Autowired
	JdbcClient jdbc;

	private BigDecimal bySql(BigDecimal deducted) {
		return jdbc.sql("select " + QualityPoints.sql("cast(:deducted as numeric(12,4))"))
			.param("deducted", deducted, java.sql.Types.NUMERIC)
			.param(QualityPoints.BASE_PARAMETER, QualityPoints.BASE.exact())
			.query(BigDecimal.class)
			.single();
	}

	@Test
	void r21_aCaseNeverReturnedKeepsTwoPointsInJavaAndInSql() {
		assertThat(QualityPoints.of(List.of())).isEqualTo(Points.of(2));
		assertThat(bySql(null)).isEqualByComparingTo("2");
	}

	@Test
	void r21_deductionsAreSubtractedExactlyAndStopAtZeroInJavaAndInSql() {
		for (String deducted : List.of("0", "0.25", "1", "1.75", "2", "2.5", "10")) {
			BigDecimal d = new BigDecimal(deducted);
			assertThat(bySql(d)).as("deducted %s", deducted).isEqualByComparingTo(QualityPoints.of(d).exact());
		}
		assertThat(QualityPoints.of(new BigDecimal("1.75")).exact()).isEqualByComparingTo("0.25");
		assertThat(QualityPoints.of(new BigDecimal("2.5")).exact()).isEqualByComparingTo("0");
	}

	@Test
	void r21_allReturnsOfACaseCountTogether() {
		assertThat(QualityPoints.of(Arrays.asList(new BigDecimal("1"), new BigDecimal("0.5"))).exact())
			.isEqualByComparingTo("0.5");
		assertThat(QualityPoints.of(List.of(new BigDecimal("1"), new BigDecimal("1.5"))).exact())
			.isEqualByComparingTo("0");
	}

}
