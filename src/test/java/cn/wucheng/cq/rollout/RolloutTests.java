package cn.wucheng.cq.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.wucheng.cq.organisation.UnitType;
import cn.wucheng.cq.support.Bureau;
import cn.wucheng.cq.support.SharedContextLock;

/** R-71 on the 2024 batches the migration fills in (RULES.md §8). */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(properties = "cq.test.context=rollout")
class RolloutTests {

	@Autowired
	Rollout rollout;

	@Autowired
	JdbcClient jdbc;

	@Test
	void r71_theThreeBatchesOf2024AreThereOnFirstStart() {
		assertThat(rollout.batches()).extracting(RolloutBatch::unitType, RolloutBatch::startsOn, RolloutBatch::endsOn)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple(UnitType.DIRECT_SQUAD, LocalDate.of(2024, 1, 9), LocalDate.of(2024, 2, 29)),
					org.assertj.core.groups.Tuple.tuple(UnitType.CLASS1_SQUAD, LocalDate.of(2024, 3, 1), LocalDate.of(2024, 4, 30)),
					org.assertj.core.groups.Tuple.tuple(UnitType.CLASS2_SQUAD, LocalDate.of(2024, 5, 1), LocalDate.of(2024, 6, 30)));
	}

	@Test
	void r71_aClass1SquadFollowsTheRulesFromTheFirstOfMarchNotBefore() {
		long squad = new Bureau(jdbc).unit("分批一类中队", "一类中队");
		assertThat(rollout.applies(squad, LocalDate.of(2024, 2, 29))).isFalse();
		assertThat(rollout.applies(squad, LocalDate.of(2024, 3, 1))).isTrue();
		assertThat(rollout.applies(UnitType.CLASS2_SQUAD, LocalDate.of(2024, 4, 30))).isFalse();
		assertThat(rollout.applies(UnitType.DIRECT_SQUAD, LocalDate.of(2024, 1, 9))).isTrue();
	}

	@Test
	void r71_aSectionWithoutABatchFollowsTheEarliestBatch() {
		long section = new Bureau(jdbc).unit("分批法制科", "科室");
		assertThat(rollout.startOf(section)).contains(LocalDate.of(2024, 1, 9));
		assertThat(rollout.startOf(UnitType.COMMAND_CENTRE)).contains(LocalDate.of(2024, 1, 9));
	}

	@Test
	void r71_anUnknownUnitHasNoStartAndTheRulesApply() {
		assertThat(rollout.startOf(-1L)).isEmpty();
		assertThat(rollout.applies(-1L, LocalDate.of(2000, 1, 1))).isTrue();
	}

}
