package cn.wucheng.cq.casework.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import cn.wucheng.cq.cases.CaseCategory;
import cn.wucheng.cq.cases.CaseFile;
import cn.wucheng.cq.cases.HandlerCandidate;
import cn.wucheng.cq.shared.Refusal;
import cn.wucheng.cq.support.RefusalText;
import cn.wucheng.cq.casework.ListDeadlineStatus;
import cn.wucheng.cq.casework.ReviewListStatus;
import cn.wucheng.cq.support.RefusalText;

/** The casework rules without Spring: R-11 on the aggregate, R-13's share, R-41's states and deadline status. */
@Tag("nodb")
class CaseworkRulesTests {

	static final HandlerCandidate LEAD = new HandlerCandidate(1L, "甲", 10L, true);

	static final HandlerCandidate CO = new HandlerCandidate(2L, "乙", 10L, true);

	@Test
	void r11_theAggregateRefusesEachIllegalPairNamingTheField() {
		CaseFile c = new CaseFile("C-1", CaseCategory.SIMPLE, 1L, 10L, LocalDate.of(2024, 3, 1));
		assertThatThrownBy(() -> c.assignHandlers(LEAD, null)).isInstanceOf(Refusal.class)
			.satisfies(e -> assertThat(((Refusal) e).field()).isEqualTo("coId"));
		assertThat(RefusalText.thrownBy(() -> c.assignHandlers(LEAD, new HandlerCandidate(3L, "辅", 10L, false))))
			.isEqualTo("协办人（第二承办人）：辅 是辅助人员，辅助人员不得作为案件承办人（实施方案 四（二））");
		assertThatThrownBy(() -> c.assignHandlers(new HandlerCandidate(4L, "外", 11L, true), CO))
			.satisfies(e -> assertThat(((Refusal) e).field()).isEqualTo("leadId"));
		assertThat(RefusalText.thrownBy(() -> c.assignHandlers(new HandlerCandidate(4L, "外", 11L, true), CO)))
			.isEqualTo("主办人（第一承办人）：外 不是本中队人员，只能指派本中队的正式执法人员");
		assertThat(RefusalText.thrownBy(() -> c.assignHandlers(LEAD, LEAD))).contains("不能与主办人是同一人");
		c.assignHandlers(LEAD, CO);
		assertThat(c.getLeadId()).isEqualTo(1L);
		assertThat(RefusalText.thrownBy(() -> c.reassign(LEAD, new HandlerCandidate(5L, "丙", 10L, true), " ")))
			.startsWith("变更原因");
		assertThat(RefusalText.thrownBy(() -> c.reassign(LEAD, CO, "无变化"))).contains("承办人与原指派相同");
		assertThat(c.reassign(LEAD, new HandlerCandidate(5L, "丙", 10L, true), "调岗").previousCoId()).isEqualTo(2L);
		assertThat(c.getCoId()).isEqualTo(5L);
	}

	@Test
	void r13_moreThanTheShareWarnsOnlyWithEnoughCases() {
		FixedHandlerPolicy policy = new FixedHandlerPolicy(new BigDecimal("0.40"), 10);
		assertThat(policy.warns(4, 10)).as("exactly 40% is not more than 40%").isFalse();
		assertThat(policy.warns(5, 10)).isTrue();
		assertThat(policy.warns(9, 9)).as("fewer than 10 cases").isFalse();
		assertThat(policy.warns(5, 12)).isTrue();
		assertThat(FixedHandlerPolicy.percent(1, 3)).isEqualByComparingTo("33.3");
	}

	@Test
	void r41_aListGoesFromDraftToSignedToSubmittedAndRefusesEverythingElse() {
		ReviewList list = new ReviewList(10L, YearMonth.of(2024, 3));
		LocalDateTime at = LocalDateTime.of(2024, 4, 2, 9, 0);
		assertThat(RefusalText.thrownBy(() -> list.submit("l", at))).isEqualTo("审核清单须先由中队长签字，才能报送法制科");
		assertThat(RefusalText.thrownBy(() -> list.sign("l", "队长", at, 2, 5)))
			.isEqualTo("本月还有 2 起简易程序案件未经法制员审核，审核完毕后才能签字");
		list.sign("l", "队长", at, 0, 5);
		assertThat(list.getStatus()).isEqualTo(ReviewListStatus.SIGNED);
		assertThat(RefusalText.thrownBy(() -> list.sign("l", "队长", at, 0, 5))).isEqualTo("审核清单已签字，不能再次签字");
		list.submit("l", at);
		assertThat(list.getStatus()).isEqualTo(ReviewListStatus.SUBMITTED);
		assertThat(RefusalText.thrownBy(() -> list.submit("l", at))).isEqualTo("审核清单已报送法制科，不能重复报送");
	}

	@Test
	void r41_onTimeLateMissingPendingAndNotDue() {
		LocalDate deadline = LocalDate.of(2024, 4, 15);
		assertThat(ReviewLists.deadlineStatus(true, 3, deadline.atTime(18, 0), deadline, deadline))
			.isEqualTo(ListDeadlineStatus.ON_TIME);
		assertThat(ReviewLists.deadlineStatus(true, 3, deadline.plusDays(1).atStartOfDay(), deadline, deadline))
			.isEqualTo(ListDeadlineStatus.LATE);
		assertThat(ReviewLists.deadlineStatus(true, 3, null, deadline, deadline)).isEqualTo(ListDeadlineStatus.PENDING);
		assertThat(ReviewLists.deadlineStatus(true, 3, null, deadline, deadline.plusDays(1)))
			.isEqualTo(ListDeadlineStatus.MISSING);
		assertThat(ReviewLists.deadlineStatus(true, 0, null, deadline, deadline.plusDays(1)))
			.isEqualTo(ListDeadlineStatus.NO_CASES);
		assertThat(ReviewLists.deadlineStatus(false, 3, null, deadline, deadline.plusDays(1)))
			.isEqualTo(ListDeadlineStatus.NOT_APPLICABLE);
	}

}
