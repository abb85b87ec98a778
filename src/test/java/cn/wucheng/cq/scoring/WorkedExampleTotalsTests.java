package cn.wucheng.cq.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.wucheng.cq.scoring.policy.ExcellencePoints;
import cn.wucheng.cq.settings.RuleSetting.AwardMode;
import cn.wucheng.cq.shared.Period;
import cn.wucheng.cq.shared.Points;

/** the totals table of the worked example, computed by the policies alone. */
@Tag("nodb")
class WorkedExampleTotalsTests {

	@ParameterizedTest(name = "{0}: 张三 {1}, 李四 {2}, 王五 {3}")
	@CsvSource({ "2024-Q1, 7.50, 1.25, 2.50", "2024-Q2, 6.50, 0.00, 13.00", "2024-Q3, 1.00, 0.00, 2.00",
			"2024-Q4, 0.00, 0.00, 0.00", "2024, 15.00, 1.25, 17.50" })
	void thePoliciesGiveTheTotalsOfTheWorkedExample(String period, String zhangSan, String liSi, String wangWu) {
		Map<String, Points> totals = WorkedExample.totalsByPolicies(Period.parse(period),
				new ExcellencePoints(AwardMode.HIGHEST_ONLY));
		assertThat(totals.get("张三")).hasToString(zhangSan);
		assertThat(totals.get("李四")).hasToString(liSi);
		assertThat(totals.get("王五")).hasToString(wangWu);
	}

}
