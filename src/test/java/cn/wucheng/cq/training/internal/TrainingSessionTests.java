package cn.wucheng.cq.training.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import cn.wucheng.cq.support.RefusalText;
import cn.wucheng.cq.training.SessionFlag;

/** R-60 (sessions only from coordinated plans) and R-61 (attendance, substitution, exam scores, question bank). */
@Tag("nodb")
class TrainingSessionTests {

	static final Trainee ZHANG = new Trainee(1, "F001", "张正式", true);

	static final Trainee LI = new Trainee(2, "F002", "李正式", true);

	static final Trainee WANG = new Trainee(3, "X001", "王辅助", false);

	static final Trainee ZHAO = new Trainee(4, "X002", "赵辅助", false);

	static TrainingPlan coordinated() {
		TrainingPlan plan = TrainingPlanTests.draftWithOneItem();
		plan.submit("squad", LocalDate.of(2024, 1, 20));
		plan.coordinate("legal", LocalDate.of(2024, 2, 1));
		return plan;
	}

	static SessionDetails on(LocalDate day, LocalDate bank) {
		return new SessionDetails(day, "三楼会议室", new BigDecimal("2.5"), bank);
	}

	static TrainingSession session() {
		return TrainingSession.fromPlan(coordinated(), 1, on(LocalDate.of(2024, 3, 16), LocalDate.of(2024, 3, 1)),
				LocalDateTime.now());
	}

	@Test
	void r60_aSessionFromAnUncoordinatedPlanIsRefused() {
		TrainingPlan draft = TrainingPlanTests.draftWithOneItem();
		assertThat(RefusalText.thrownBy(() -> TrainingSession.fromPlan(draft, 1, on(LocalDate.of(2024, 3, 16), null),
				LocalDateTime.now())))
			.contains("尚未经法制科统筹")
			.contains("草稿");
		draft.submit("squad", LocalDate.of(2024, 1, 20));
		assertThat(RefusalText.thrownBy(() -> TrainingSession.fromPlan(draft, 1, on(LocalDate.of(2024, 3, 16), null),
				LocalDateTime.now())))
			.contains("已报送");
	}

	@Test
	void r60_aSessionFromACoordinatedPlanTakesTheItemsTopicAndMustFallInThePlansYear() {
		TrainingSession s = session();
		assertThat(s.getTopic()).isEqualTo("行政处罚法");
		assertThat(s.getPlanYear()).isEqualTo(2024);
		assertThat(RefusalText.thrownBy(() -> TrainingSession.fromPlan(coordinated(), 1, on(LocalDate.of(2025, 1, 5), null),
				LocalDateTime.now())))
			.contains("不在计划年度 2024 年内");
		assertThat(RefusalText.thrownBy(() -> TrainingSession.fromPlan(coordinated(), 7, on(LocalDate.of(2024, 3, 1), null),
				LocalDateTime.now())))
			.contains("没有第 7 项");
	}

	@Test
	void r61_aQuestionBankReleased14DaysBeforeIsFlaggedAnd15DaysIsNot() {
		TrainingSession s = session();
		assertThat(s.flags(LocalDate.of(2024, 3, 1))).doesNotContain(SessionFlag.BANK_LATE);
		s.reschedule(on(LocalDate.of(2024, 3, 16), LocalDate.of(2024, 3, 2)));
		assertThat(s.flags(LocalDate.of(2024, 3, 1))).contains(SessionFlag.BANK_LATE);
		s.reschedule(on(LocalDate.of(2024, 3, 16), null));
		assertThat(s.flags(LocalDate.of(2024, 3, 1))).contains(SessionFlag.BANK_MISSING);
	}

	@Test
	void r61_anAuxiliarySigningInForAFormalOfficerIsRecordedAsASubstitutionAndFlagged() {
		TrainingSession s = session();
		s.record(ZHANG, true, new BigDecimal("88"), null);
		Attendee sub = s.record(WANG, true, new BigDecimal("70"), LI);
		assertThat(sub.isSubstitution()).isTrue();
		assertThat(sub.replacesId()).isEqualTo(LI.id());
		assertThat(s.flags(LocalDate.of(2024, 3, 20))).contains(SessionFlag.SUBSTITUTION);
	}

	@Test
	void r61_substitutionsThatCannotBeAreRefused() {
		TrainingSession s = session();
		s.record(ZHANG, true, null, null);
		assertThat(RefusalText.thrownBy(() -> s.record(WANG, true, null, ZHANG))).contains("本人已签到");
		assertThat(RefusalText.thrownBy(() -> s.record(LI, true, null, ZHANG))).contains("只用于登记辅助人员代替正式队员");
		assertThat(RefusalText.thrownBy(() -> s.record(WANG, true, null, ZHAO))).contains("不是正式执法人员");
		assertThat(RefusalText.thrownBy(() -> s.record(WANG, false, null, LI))).contains("须已签到");
		s.record(WANG, true, null, LI);
		assertThat(RefusalText.thrownBy(() -> s.record(ZHAO, true, null, LI))).contains("已登记由他人代替");
		assertThat(RefusalText.thrownBy(() -> s.record(LI, true, null, null))).contains("不能再登记本人签到");
	}

	@Test
	void r61_scoresAreBetween0And100WithTwoDecimalsAndOnlyForThoseWhoSignedIn() {
		TrainingSession s = session();
		assertThat(RefusalText.thrownBy(() -> s.record(ZHANG, true, new BigDecimal("100.5"), null))).contains("0–100");
		assertThat(RefusalText.thrownBy(() -> s.record(ZHANG, true, new BigDecimal("-1"), null))).contains("0–100");
		assertThat(RefusalText.thrownBy(() -> s.record(ZHANG, true, new BigDecimal("90.125"), null))).contains("两位小数");
		assertThat(RefusalText.thrownBy(() -> s.record(ZHANG, false, new BigDecimal("90"), null))).contains("未签到");
		assertThat(s.record(ZHANG, true, new BigDecimal("86.50"), null).score()).isEqualByComparingTo("86.5");
	}

	@Test
	void r61_recordingAgainChangesTheAttendeeAndMissingScoresAreFlaggedAfterTheSession() {
		TrainingSession s = session();
		s.record(ZHANG, true, null, null);
		assertThat(s.flags(LocalDate.of(2024, 3, 16))).contains(SessionFlag.SCORES_MISSING);
		s.record(ZHANG, true, new BigDecimal("95"), null);
		assertThat(s.getAttendees()).hasSize(1);
		assertThat(s.flags(LocalDate.of(2024, 3, 16))).isEmpty();
		assertThat(s.remove(ZHANG.id())).isPresent();
		assertThat(s.getAttendees()).isEmpty();
	}

}
