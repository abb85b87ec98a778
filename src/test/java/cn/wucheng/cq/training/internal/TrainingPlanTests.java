package cn.wucheng.cq.training.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import cn.wucheng.cq.support.RefusalText;
import cn.wucheng.cq.training.PlanStatus;

/** the plan's workflow refuses illegal transitions with Chinese messages. */
@Tag("nodb")
class TrainingPlanTests {

	static ItemDraft item(String topic, int month, String hours) {
		return new ItemDraft(topic, "内容", month, new BigDecimal(hours), "法制科", "全体正式队员", "闭卷考试");
	}

	static TrainingPlan draftWithOneItem() {
		TrainingPlan plan = new TrainingPlan(1L, 2024, LocalDateTime.of(2024, 1, 2, 9, 0));
		plan.addItem(item("行政处罚法", 3, "2.5"));
		return plan;
	}

	@Test
	void r60_theHappyPathGoesFromDraftToSubmittedToCoordinated() {
		TrainingPlan plan = draftWithOneItem();
		plan.submit("squad", LocalDate.of(2024, 1, 20));
		assertThat(plan.getStatus()).isEqualTo(PlanStatus.SUBMITTED);
		plan.coordinate("legal", LocalDate.of(2024, 2, 10));
		assertThat(plan.getStatus()).isEqualTo(PlanStatus.COORDINATED);
		assertThat(plan.getFirstSubmittedOn()).isEqualTo(LocalDate.of(2024, 1, 20));
		assertThat(plan.getCoordinatedOn()).isEqualTo(LocalDate.of(2024, 2, 10));
	}

	@Test
	void r60_anEmptyPlanCannotBeSubmitted() {
		TrainingPlan plan = new TrainingPlan(1L, 2024, LocalDateTime.now());
		assertThat(RefusalText.thrownBy(() -> plan.submit("squad", LocalDate.of(2024, 1, 20))))
			.contains("还没有培训项目");
	}

	@Test
	void r60_aDraftCannotBeCoordinatedOrSentBack() {
		TrainingPlan plan = draftWithOneItem();
		assertThat(RefusalText.thrownBy(() -> plan.coordinate("legal", LocalDate.of(2024, 2, 1))))
			.contains("只有已报送的计划可以统筹").contains("草稿");
		assertThat(RefusalText.thrownBy(() -> plan.requestChanges("改一下"))).contains("只有已报送的计划可以退回修改");
		assertThat(RefusalText.thrownBy(plan::backToDraft)).contains("只有被退回修改的计划可以改回草稿");
	}

	@Test
	void r60_sendingBackNeedsAReasonAndThenTheSquadChangesAndResubmitsKeepingTheFirstSubmissionDate() {
		TrainingPlan plan = draftWithOneItem();
		plan.submit("squad", LocalDate.of(2024, 1, 20));
		assertThat(RefusalText.thrownBy(() -> plan.requestChanges("  "))).contains("须填写原因");
		plan.requestChanges("学时不足，请补充");
		assertThat(plan.getStatus()).isEqualTo(PlanStatus.CHANGES_REQUESTED);
		assertThat(plan.getChangeReason()).isEqualTo("学时不足，请补充");

		plan.addItem(item("证据规则", 5, "4"));
		plan.submit("squad", LocalDate.of(2024, 2, 5));
		assertThat(plan.getFirstSubmittedOn()).isEqualTo(LocalDate.of(2024, 1, 20));
		assertThat(plan.getSubmittedOn()).isEqualTo(LocalDate.of(2024, 2, 5));
	}

	@Test
	void r60_aPlanSentBackCanBeTakenBackToADraft() {
		TrainingPlan plan = draftWithOneItem();
		plan.submit("squad", LocalDate.of(2024, 1, 20));
		plan.requestChanges("请细化培训内容");
		plan.backToDraft();
		assertThat(plan.getStatus()).isEqualTo(PlanStatus.DRAFT);
	}

	@Test
	void r60_itemsCannotChangeOnceSubmittedOrCoordinated() {
		TrainingPlan plan = draftWithOneItem();
		plan.submit("squad", LocalDate.of(2024, 1, 20));
		assertThat(RefusalText.thrownBy(() -> plan.addItem(item("新增", 4, "2"))))
			.contains("已报送");
		plan.coordinate("legal", LocalDate.of(2024, 2, 1));
		assertThat(RefusalText.thrownBy(() -> plan.removeItem(1))).contains("已统筹");
		assertThat(RefusalText.thrownBy(() -> plan.submit("squad", LocalDate.of(2024, 2, 2)))).contains("已统筹");
		assertThat(RefusalText.thrownBy(() -> plan.coordinate("legal", LocalDate.of(2024, 2, 2)))).contains("已统筹");
	}

	@Test
	void itemNumbersAreNeverReusedSoSessionsKeepPointingAtTheirItem() {
		TrainingPlan plan = draftWithOneItem();
		plan.addItem(item("二", 4, "2"));
		plan.removeItem(1);
		PlanItem third = plan.addItem(item("三", 5, "2"));
		assertThat(third.itemNo()).isEqualTo(3);
		plan.changeItem(2, item("二（改）", 6, "1.5"));
		assertThat(plan.item(2)).get().extracting(PlanItem::topic).isEqualTo("二（改）");
		assertThat(RefusalText.thrownBy(() -> plan.changeItem(9, item("x", 1, "1")))).contains("没有第 9 项");
	}

	@Test
	void anItemNeedsATopicAMonthAndPositiveHoursOfAtMostTwoDecimals() {
		assertThat(RefusalText.thrownBy(() -> item(" ", 3, "2"))).contains("请填写培训主题");
		assertThat(RefusalText.thrownBy(() -> item("主题", 13, "2"))).contains("月份");
		assertThat(RefusalText.thrownBy(() -> item("主题", 3, "0"))).contains("学时");
		assertThat(RefusalText.thrownBy(() -> item("主题", 3, "1.255"))).contains("两位小数");
		assertThat(item("主题", 3, "2.50").hours()).isEqualByComparingTo("2.5");
	}

}
