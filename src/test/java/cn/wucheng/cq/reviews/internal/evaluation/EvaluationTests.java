package cn.wucheng.cq.reviews.internal.evaluation;

import static cn.wucheng.cq.reviews.EvaluationGrade.Thresholds.DEFAULT;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import cn.wucheng.cq.reviews.EvaluationGrade;
import cn.wucheng.cq.support.RefusalText;

/** R-43 on the aggregate: 100 minus deductions never below 0, a veto makes 0, own-unit evaluators and reruns refused. */
@Tag("nodb")
class EvaluationTests {

	static final LocalDate TODAY = LocalDate.of(2024, 4, 2);

	static EvaluationRound round(RoundKind kind) {
		return EvaluationRound.open(kind, YearMonth.of(2024, 3), 1, 5L,
				List.of(new FileDraw.Candidate(11, "C-11", 1), new FileDraw.Candidate(21, "C-21", 2)), TODAY, "法制科");
	}

	static EvaluationItem item(String code, String points, boolean veto) {
		return new EvaluationItem(code, "项目 " + code, new BigDecimal(points), veto, 0);
	}

	static Evaluation peerOfUnit2(EvaluationRound round) {
		DrawnFile file = round.getFiles().get(0);
		return Evaluation.peer(round, file, 7L, "评查人", 2L, "一中队");
	}

	@Test
	void theScoreIsAHundredMinusTheDeductionsAndItsGradeFollows() {
		Evaluation e = peerOfUnit2(round(RoundKind.PEER_REVIEW));
		e.submit(List.of(item("E1", "10", false), item("E2", "2.5", false)), "文书不规范", TODAY, DEFAULT);
		assertThat(e.getScore()).isEqualByComparingTo("87.50");
		assertThat(e.getGrade()).isEqualTo(EvaluationGrade.QUALIFIED);
		assertThat(e.isVetoed()).isFalse();
		assertThat(e.getStatus()).isEqualTo(EvaluationStatus.SUBMITTED);
	}

	@Test
	void deductionsBeyondAHundredStopAtZero() {
		Evaluation e = peerOfUnit2(round(RoundKind.PEER_REVIEW));
		e.submit(List.of(item("E1", "60", false), item("E2", "50", false)), null, TODAY, DEFAULT);
		assertThat(e.getScore()).isEqualByComparingTo("0");
	}

	@Test
	void aVetoItemMakesTheFileZeroWhateverTheOtherItems() {
		Evaluation e = peerOfUnit2(round(RoundKind.PEER_REVIEW));
		e.submit(List.of(item("V1", "0", true)), null, TODAY, DEFAULT);
		assertThat(e.getScore()).isEqualByComparingTo("0.00");
		assertThat(e.isVetoed()).isTrue();
		assertThat(e.getGrade()).isEqualTo(EvaluationGrade.FAILED);
	}

	@Test
	void noItemFailedIsAHundredAndExcellent() {
		Evaluation e = peerOfUnit2(round(RoundKind.PEER_REVIEW));
		e.submit(List.of(), null, TODAY, DEFAULT);
		assertThat(e.getScore()).isEqualByComparingTo("100");
		assertThat(e.getGrade()).isEqualTo(EvaluationGrade.EXCELLENT);
	}

	@Test
	void aSubmittedEvaluationCannotBeSubmittedAgain() {
		Evaluation e = peerOfUnit2(round(RoundKind.PEER_REVIEW));
		e.submit(List.of(), null, TODAY, DEFAULT);
		assertThat(RefusalText.thrownBy(() -> e.submit(List.of(item("E1", "10", false)), null, TODAY, DEFAULT)))
			.isEqualTo("该案卷的评查结果已于 2024-04-02 提交，不能再修改");
	}

	@Test
	void aPeerEvaluatorOfTheFilesOwnUnitIsRefused() {
		EvaluationRound r = round(RoundKind.PEER_REVIEW);
		DrawnFile file = r.getFiles().get(0); // unit 1
		assertThat(RefusalText.thrownBy(() -> Evaluation.peer(r, file, 7L, "张三", 1L, "一中队")))
			.isEqualTo("评查人 张三 与被评案卷同属 一中队，案卷互评须由其他单位人员评查（任务清单第9项）");
	}

	@Test
	void aSpotCheckNamesItsThirdPartyAndAPeerRoundTakesAPerson() {
		EvaluationRound spot = round(RoundKind.SPOT_CHECK);
		DrawnFile file = spot.getFiles().get(0);
		assertThat(Evaluation.spotCheck(spot, file, " 王专家 ").getEvaluatorName()).isEqualTo("王专家");
		assertThat(RefusalText.thrownBy(() -> Evaluation.spotCheck(spot, file, " "))).isEqualTo("请填写第三方评查人姓名");
		assertThat(RefusalText.thrownBy(() -> Evaluation.peer(spot, file, 7L, "张三", 2L, "一中队")))
			.isEqualTo("第三方抽查的评查人按姓名登记，不选人员");
		EvaluationRound peer = round(RoundKind.PEER_REVIEW);
		assertThat(RefusalText.thrownBy(() -> Evaluation.spotCheck(peer, peer.getFiles().get(0), "王专家")))
			.contains("案卷互评的评查人须从人员中选择");
	}

	@Test
	void aRoundOfAFutureMonthOrWithNothingToDrawIsRefused() {
		assertThat(RefusalText.thrownBy(() -> EvaluationRound.open(RoundKind.PEER_REVIEW, YearMonth.of(2024, 5), 1, 1L,
				List.of(new FileDraw.Candidate(1, "C", 1)), TODAY, "法制科")))
			.isEqualTo("评查月份 2024-05 还未到，不能抽取案卷");
		assertThat(RefusalText.thrownBy(() -> EvaluationRound.open(RoundKind.PEER_REVIEW, YearMonth.of(2024, 3), 1, 1L, List.of(),
				TODAY, "法制科")))
			.isEqualTo("2024-03 没有中队办结的普通程序案件，无可抽取的案卷");
		assertThat(RefusalText.thrownBy(() -> EvaluationRound.open(RoundKind.PEER_REVIEW, YearMonth.of(2024, 3), 0, 1L,
				List.of(new FileDraw.Candidate(1, "C", 1)), TODAY, "法制科")))
			.isEqualTo("每个中队抽取的案卷数须在 1 到 50 之间");
	}

}
