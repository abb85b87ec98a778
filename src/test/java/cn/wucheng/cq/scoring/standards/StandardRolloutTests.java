package cn.wucheng.cq.scoring.standards;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import cn.wucheng.cq.settings.RuleSetting.StandardFrom;
import cn.wucheng.cq.shared.Period;

/** R-32 with R-71: from which quarter the case-handling standard applies to a squad's officers (else 未纳入). */
@Tag("nodb")
class StandardRolloutTests {

	private static final LocalDate MAY_1 = LocalDate.of(2024, 5, 1);

	private static final LocalDate JUNE_30 = LocalDate.of(2024, 6, 30);

	@Test
	void r32_r71_byDefaultTheStandardAppliesFromTheQuarterThatContainsTheBatchStart() {
		StandardRollout rollout = new StandardRollout(StandardFrom.BATCH_START);

		assertThat(rollout.applies(Period.quarter(2024, 1), MAY_1, JUNE_30)).isFalse();
		assertThat(rollout.applies(Period.quarter(2024, 2), MAY_1, JUNE_30)).isTrue();
		assertThat(rollout.applies(Period.quarter(2024, 3), MAY_1, JUNE_30)).isTrue();
		assertThat(rollout.applies(Period.quarter(2023, 4), LocalDate.of(2024, 1, 9), LocalDate.of(2024, 2, 29)))
			.isFalse();
	}

	@Test
	void r32_theAlternativeSettingStartsWithTheFirstQuarterThatStartsAfterTheBatchEnds() {
		StandardRollout rollout = new StandardRollout(StandardFrom.AFTER_BATCH_END);

		assertThat(rollout.applies(Period.quarter(2024, 2), MAY_1, JUNE_30)).isFalse();
		assertThat(rollout.applies(Period.quarter(2024, 3), MAY_1, JUNE_30)).isTrue();
		// 直属 batch 9 Jan – 29 Feb: Q2 is the first quarter starting after it
		assertThat(rollout.applies(Period.quarter(2024, 1), LocalDate.of(2024, 1, 9), LocalDate.of(2024, 2, 29)))
			.isFalse();
		assertThat(rollout.applies(Period.quarter(2024, 2), LocalDate.of(2024, 1, 9), LocalDate.of(2024, 2, 29)))
			.isTrue();
	}

	@Test
	void r71_aSquadsOwnEarlierStartCountsFromItsQuarterUnderEitherSetting() {
		LocalDate ownStart = LocalDate.of(2024, 3, 15);
		for (StandardFrom from : StandardFrom.values()) {
			StandardRollout rollout = new StandardRollout(from);
			assertThat(rollout.applies(Period.quarter(2024, 1), ownStart, null)).as(from.name()).isTrue();
			assertThat(rollout.applies(Period.quarter(2023, 4), ownStart, null)).as(from.name()).isFalse();
		}
	}

	@Test
	void r71_withoutAnyBatchTheStandardAlwaysApplies() {
		assertThat(new StandardRollout(StandardFrom.BATCH_START).applies(Period.quarter(2000, 1), null, null)).isTrue();
	}

}
