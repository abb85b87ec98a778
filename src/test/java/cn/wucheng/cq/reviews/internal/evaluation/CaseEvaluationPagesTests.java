package cn.wucheng.cq.reviews.internal.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.wucheng.cq.reminders.DueItem;
import cn.wucheng.cq.reviews.EvaluationResults;
import cn.wucheng.cq.scoring.BreakdownItem;
import cn.wucheng.cq.scoring.ScoreLedger;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.security.Role;
import cn.wucheng.cq.shared.Period;
import cn.wucheng.cq.support.Bureau;
import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.TestClock;
import cn.wucheng.cq.support.Users;

/**
 * R-43 case-file evaluation through the pages: the default standard, the seeded draw, evaluators of other units only,
 * scoring with deductions and vetoes, evaluator blindness, spot checks, results by squad and month, the one-step
 * 局级优秀案卷 and stale edits. Units 评查*, 工号 EV-*, cases EV-* concluded in 2023-10 and 2023-11.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(properties = "cq.test.context=legalreview")
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseEvaluationPagesTests {

	static final Pattern ROUND = Pattern.compile("/evaluations/rounds/(\\d+)$");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	ScoreLedger ledger;

	@Autowired
	EvaluationResults results;

	@Autowired
	EvaluationDue due;

	Bureau bureau;

	long squad1;

	long squad2;

	long squad3;

	long section;

	long a1;

	long a2;

	long b1;

	long b2;

	long c1;

	long legalPerson;

	@BeforeAll
	void threeSquadsWithConcludedCases() {
		bureau = new Bureau(jdbc);
		squad1 = bureau.unit("评查一中队", "直属中队");
		squad2 = bureau.unit("评查二中队", "一类中队");
		squad3 = bureau.unit("评查三中队", "二类中队");
		section = bureau.unit("评查法制科", "科室");
		a1 = bureau.officer("EV-A1", "评查甲一", squad1);
		a2 = bureau.officer("EV-A2", "评查甲二", squad1);
		b1 = bureau.officer("EV-B1", "评查乙一", squad2);
		b2 = bureau.officer("EV-B2", "评查乙二", squad2);
		c1 = bureau.officer("EV-C1", "评查丙一", squad3);
		long c2 = bureau.officer("EV-C2", "评查丙二", squad3);
		legalPerson = bureau.officer("EV-L1", "评查法制", section);
		long l2 = bureau.officer("EV-L2", "评查法制二", section);
		for (int i = 1; i <= 4; i++) {
			bureau.concludedCase("EV-A-" + i, "普通程序", squad1, a1, a2, LocalDate.of(2023, 11, i));
		}
		bureau.concludedCase("EV-A-S", "简易程序", squad1, a1, a2, LocalDate.of(2023, 11, 5));
		bureau.concludedCase("EV-A-OPEN", "普通程序", squad1, a1, a2, null);
		bureau.concludedCase("EV-A-DEC", "普通程序", squad1, a1, a2, LocalDate.of(2023, 12, 1));
		for (int i = 1; i <= 3; i++) {
			bureau.concludedCase("EV-B-" + i, "重大疑难", squad2, b1, b2, LocalDate.of(2023, 11, 10 + i));
		}
		bureau.concludedCase("EV-C-1", "普通程序", squad3, c1, c2, LocalDate.of(2023, 11, 20));
		bureau.concludedCase("EV-L-1", "普通程序", section, legalPerson, l2, LocalDate.of(2023, 11, 21));
	}

	@BeforeEach
	void today() {
		clock.setToday(LocalDate.of(2024, 1, 15));
	}

	// ------------------------------------------------------------------ the standard

	@Test
	void r43_theDefaultStandardIsAHundredPointsOfDeductionsAndTheSevenLegalityVetoes() throws Exception {
		assertThat(jdbc.sql("select sum(points) from evaluation_item where code like 'E%' and length(code) = 3 and not veto")
			.query(java.math.BigDecimal.class).single()).isEqualByComparingTo("100");
		assertThat(jdbc.sql("select code from evaluation_item where veto order by code").query(String.class).list())
			.containsExactly("V01", "V02", "V03", "V04", "V05", "V06", "V07");
		String page = html(get("/evaluation-items"), Users.supervision());
		assertThat(page).contains("执法主体不合格", "执法人员不具备执法资格或执法人员少于两人", "否决项")
			.doesNotContain("/evaluation-items/new");
		mvc.perform(get("/evaluation-items").with(Users.squadLeaderOf(squad1))).andExpect(status().isForbidden());
	}

	@Test
	void r43_theLegalSectionEditsTheStandardAndAStaleEditIsRefused() throws Exception {
		mvc.perform(post("/evaluation-items").with(Users.legalSection()).with(csrf()).param("code", "EV-T1")
			.param("text", "案卷封面信息不全").param("points", "2").param("sortOrder", "90").param("active", "true"))
			.andExpect(status().is3xxRedirection());
		long id = jdbc.sql("select id from evaluation_item where code = 'EV-T1'").query(Long.class).single();
		mvc.perform(post("/evaluation-items/" + id).with(Users.legalSection()).with(csrf()).param("version", "0")
			.param("text", "案卷封面信息不全或错误").param("points", "3").param("sortOrder", "90").param("active", "true"))
			.andExpect(status().is3xxRedirection());
		String stale = mvc.perform(post("/evaluation-items/" + id).with(Users.legalSection()).with(csrf())
			.param("version", "0").param("text", "旧内容").param("points", "1").param("sortOrder", "90")
			.param("active", "true")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(stale).contains("该评查项已被他人修改，请重新载入后再编辑。");
		assertThat(jdbc.sql("select item_text from evaluation_item where id = ?").param(id).query(String.class).single())
			.isEqualTo("案卷封面信息不全或错误");
		String bad = mvc.perform(post("/evaluation-items").with(Users.legalSection()).with(csrf()).param("code", "EV-T2")
			.param("text", "扣分为零的扣分项").param("points", "0").param("sortOrder", "1"))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(bad).contains("扣分项的扣分须大于 0、不超过 100");
		assertThat(jdbc.sql("select count(*) from audit_log where entity = 'evaluation_item' and entity_key = 'EV-T1'")
			.query(Long.class).single()).isEqualTo(2);
		mvc.perform(post("/evaluation-items").with(Users.supervision()).with(csrf()).param("code", "EV-T3")
			.param("text", "x").param("points", "1")).andExpect(status().isForbidden());
	}

	// ------------------------------------------------------------------ the draw

	@Test
	void r43_theSameSeedDrawsTheSameFilesNPerSquadFromTheMonthsConcludedOrdinaryCases() throws Exception {
		long first = open("PEER_REVIEW", "2023-11", 2, 20231101L);
		long again = open("PEER_REVIEW", "2023-11", 2, 20231101L);
		List<String> drawn = drawn(first);
		assertThat(drawn(again)).isEqualTo(drawn);
		assertThat(drawn).hasSize(5);
		assertThat(drawn.stream().filter(n -> n.startsWith("EV-A-"))).hasSize(2)
			.allMatch(n -> n.matches("EV-A-[1-4]"));
		assertThat(drawn.stream().filter(n -> n.startsWith("EV-B-"))).hasSize(2);
		assertThat(drawn).contains("EV-C-1").doesNotContain("EV-L-1", "EV-A-S", "EV-A-OPEN", "EV-A-DEC");
		String page = html(get("/evaluations/rounds/" + first), Users.leader());
		assertThat(page).contains("随机种子 20231101").doesNotContain("/assign");

		long unseeded = open("SPOT_CHECK", "2023-11", 1, null);
		long seed = jdbc.sql("select seed from evaluation_round where id = ?").param(unseeded).query(Long.class).single();
		assertThat(seed).isNotNegative();
		assertThat(drawn(open("SPOT_CHECK", "2023-11", 1, seed))).isEqualTo(drawn(unseeded));
		assertThat(jdbc.sql("select count(*) from audit_log where action = 'EVALUATION_ROUND_OPENED' and after_data like ?")
			.param("%seed=" + seed + "%").query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void r43_aRoundIsOpenedOnlyByTheLegalSectionAndNotForAMonthWithoutFiles() throws Exception {
		mvc.perform(post("/evaluations/rounds").with(Users.supervision()).with(csrf()).param("kind", "PEER_REVIEW")
			.param("month", "2023-11").param("perSquad", "1")).andExpect(status().isForbidden());
		String page = mvc.perform(post("/evaluations/rounds").with(Users.legalSection()).with(csrf())
			.param("kind", "PEER_REVIEW").param("month", "1999-01").param("perSquad", "1"))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("1999-01 没有中队办结的普通程序案件，无可抽取的案卷");
		page = mvc.perform(post("/evaluations/rounds").with(Users.legalSection()).with(csrf())
			.param("kind", "PEER_REVIEW").param("month", "2023-11").param("perSquad", "99"))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("每中队抽取份数须为 1 到 50 之间的整数");
	}

	// ------------------------------------------------------------------ evaluators

	@Test
	void r43_anEvaluatorOfTheFilesOwnUnitIsRefused() throws Exception {
		long round = open("PEER_REVIEW", "2023-11", 10, 1L);
		long file = caseId("EV-A-1");
		assign(round, file, "EV-A2").andExpect(flash().attribute("flashError",
				"评查人 评查甲二 与被评案卷同属 评查一中队，案卷互评须由其他单位人员评查（任务清单第9项）"));
		assign(round, file, "EV-B1").andExpect(flash().attribute("flashSuccess", "已指派评查人 评查乙一。"));
		assign(round, file, "EV-B1").andExpect(flash().attribute("flashError", "评查乙一 已是这份案卷的评查人"));
		assign(round, file, "NO-SUCH").andExpect(flash().attribute("flashError", "评查人工号：找不到工号为 NO-SUCH 的人员"));
		mvc.perform(post("/evaluations/rounds/" + round + "/assign").with(Users.squadLeaderOf(squad2)).with(csrf())
			.param("caseId", Long.toString(file)).param("employeeNo", "EV-B2")).andExpect(status().isForbidden());
		assertThat(jdbc.sql("select evaluator_name from evaluation where round_id = ? and case_id = ?")
			.params(round, file).query(String.class).list()).containsExactly("评查乙一");
	}

	@Test
	void r43_scoresAreAHundredMinusTheDeductionsOrZeroOnAVetoAndAreFinal() throws Exception {
		long round = open("PEER_REVIEW", "2023-11", 10, 2L);
		long file = caseId("EV-A-2");
		assign(round, file, "EV-B1");
		assign(round, file, "EV-C1");
		long byB = evaluationId(round, file, b1);
		long byC = evaluationId(round, file, c1);
		assertThat(html(get("/evaluations/mine"), evaluator(squad2, b1))).contains("EV-A-2", "待评查");
		submit(byB, evaluator(squad2, b1), 0, "E07", "E05").andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flashSuccess", "评查结果已提交：87.00 分，合格。"));
		submit(byC, evaluator(squad3, c1), 0, "V05", "E01").andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flashSuccess", "评查结果已提交：0.00 分，不合格。"));
		assertThat(jdbc.sql("select vetoed from evaluation where id = ?").param(byC).query(Boolean.class).single()).isTrue();
		assertThat(formError(submit(byB, evaluator(squad2, b1), 1, "E01")))
			.contains("该案卷的评查结果已于 2024-01-15 提交，不能再修改");
		// someone not assigned: not found; a squad officer is not an evaluator of it
		mvc.perform(get("/evaluations/" + byB).with(evaluator(squad2, b2))).andExpect(status().isNotFound());
		submit(byB, Users.officer(a1, squad1), 1, "E01").andExpect(status().isNotFound());
		assertThat(jdbc.sql("select count(*) from audit_log where action = 'EVALUATION_SUBMITTED'").query(Long.class)
			.single()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void r43_anEvaluatorSeesNoOtherEvaluatorsScoreUntilHeHasSubmittedHisOwn() throws Exception {
		long round = open("PEER_REVIEW", "2023-11", 10, 3L);
		long file = caseId("EV-A-3");
		assign(round, file, "EV-B1");
		assign(round, file, "EV-C1");
		assign(round, file, "EV-L1");
		long byB = evaluationId(round, file, b1);
		long byC = evaluationId(round, file, c1);
		long byL = evaluationId(round, file, legalPerson);
		submit(byC, evaluator(squad3, c1), 0, "E13").andExpect(status().is3xxRedirection()); // 95.00

		String before = html(get("/evaluations/" + byB), evaluator(squad2, b1));
		assertThat(before).contains("提交本人的评查结果后才能看到其他评查人的评分").doesNotContain("95.00")
			.doesNotContain("id=\"others-table\"");
		mvc.perform(get("/evaluations/" + byC).with(evaluator(squad2, b1))).andExpect(status().isNotFound());
		// a 法制科 user who is himself an evaluator of the file is blind too, on the round page and the evaluation
		RequestPostProcessor legalEvaluator = Users.as(Role.LEGAL, section, legalPerson);
		String roundPage = html(get("/evaluations/rounds/" + round), legalEvaluator);
		assertThat(fileRow(roundPage, "EV-A-3")).contains("提交本人评分后才能看到").doesNotContain("95.00");
		mvc.perform(get("/evaluations/" + byC).with(legalEvaluator)).andExpect(status().isBadRequest());
		assertThat(fileRow(html(get("/evaluations/rounds/" + round), Users.legalSection()), "EV-A-3")).contains("95.00");

		submit(byB, evaluator(squad2, b1), 0).andExpect(status().is3xxRedirection()); // 100.00
		String after = html(get("/evaluations/" + byB), evaluator(squad2, b1));
		assertThat(after).contains("id=\"others-table\"", "95.00", "评查丙一");
		submit(byL, legalEvaluator, 0, "E07").andExpect(status().is3xxRedirection());
		assertThat(fileRow(html(get("/evaluations/rounds/" + round), legalEvaluator), "EV-A-3"))
			.contains("95.00", "100.00", "90.00");
	}

	@Test
	void r43_aStaleSubmissionIsRefused() throws Exception {
		long round = open("PEER_REVIEW", "2023-11", 10, 4L);
		long file = caseId("EV-B-1");
		assign(round, file, "EV-A1");
		long id = evaluationId(round, file, a1);
		assertThat(formError(submit(id, evaluator(squad1, a1), 5, "E01")))
			.isEqualTo("该评查任务已被他人更新，请查看最新内容后重新提交。");
		assertThat(jdbc.sql("select status from evaluation where id = ?").param(id).query(String.class).single())
			.isEqualTo("ASSIGNED");
	}

	@Test
	void r43_aSpotCheckRecordsItsThirdPartyByNameAndTheLegalSectionEntersTheScore() throws Exception {
		long round = open("SPOT_CHECK", "2023-11", 10, 5L);
		long file = caseId("EV-C-1");
		mvc.perform(post("/evaluations/rounds/" + round + "/assign").with(Users.legalSection()).with(csrf())
			.param("caseId", Long.toString(file)).param("employeeNo", "EV-A1"))
			.andExpect(flash().attribute("flashError", "请填写第三方评查人姓名"));
		mvc.perform(post("/evaluations/rounds/" + round + "/assign").with(Users.legalSection()).with(csrf())
			.param("caseId", Long.toString(file)).param("evaluatorName", "市局评查专家王某"))
			.andExpect(flash().attribute("flashSuccess", "已指派评查人 市局评查专家王某。"));
		long id = jdbc.sql("select id from evaluation where round_id = ? and case_id = ?").params(round, file)
			.query(Long.class).single();
		assertThat(jdbc.sql("select count(*) from evaluation where id = ? and evaluator_person_id is null").param(id)
			.query(Long.class).single()).isEqualTo(1);
		submit(id, Users.supervision(), 0, "E01").andExpect(status().isOk());
		submit(id, Users.legalSection(), 0, "E01", "E12").andExpect(flash().attribute("flashSuccess",
				"评查结果已提交：90.00 分，优秀。"));
		assertThat(html(get("/evaluations/" + id), Users.leader())).contains("市局评查专家王某", "90.00");
	}

	// ------------------------------------------------------------------ award

	@Test
	void r22_r43_aFileRatedExcellentIsPutForwardAsABureauExcellentFileInOneStep() throws Exception {
		long round = open("PEER_REVIEW", "2023-11", 10, 6L);
		long excellent = caseId("EV-B-2");
		long fair = caseId("EV-B-3");
		assign(round, excellent, "EV-A1");
		assign(round, fair, "EV-A1");
		submit(evaluationId(round, excellent, a1), evaluator(squad1, a1), 0, "E05"); // 97.00
		submit(evaluationId(round, fair, a1), evaluator(squad1, a1), 0, "E07", "E08"); // 80.00

		mvc.perform(post("/evaluations/rounds/" + round + "/award").with(Users.supervision()).with(csrf())
			.param("caseId", Long.toString(excellent))).andExpect(status().isForbidden());
		award(round, fair).andExpect(flash().attribute("flashError",
				"案卷 EV-B-3 的评查结果为 80.00 分（合格），只有评为优秀（90 分及以上）的案卷才能推荐为局级优秀案卷"));
		assertThat(excellence("EV-B1", Period.quarter(2024, 1))).isEqualTo("0.00");

		award(round, excellent).andExpect(flash().attribute("flashSuccess",
				"已推荐为局级优秀案卷，按今天的日期计入创先争优分（附件1 积分制“创先争优分”）。"));
		assertThat(jdbc.sql("select award_level || ' ' || rated_on from excellent_award where case_id = ?")
			.param(excellent).query(String.class).single()).isEqualTo("BUREAU 2024-01-15");
		// 局级 1 point in the period of the rating date, the co-handler half
		assertThat(excellence("EV-B1", Period.quarter(2024, 1))).isEqualTo("1.00");
		assertThat(excellence("EV-B2", Period.quarter(2024, 1))).isEqualTo("0.50");
		assertThat(ledger.breakdown("EV-B1", Period.quarter(2024, 1)).orElseThrow().items())
			.anySatisfy(i -> {
				assertThat(i.kind()).isEqualTo(BreakdownItem.Kind.AWARD);
				assertThat(i.caseNo()).isEqualTo("EV-B-2");
			});
		award(round, excellent).andExpect(flash().attribute("flashError", "案卷 EV-B-2 已是局级优秀案卷"));
		assertThat(html(get("/evaluations/rounds/" + round), Users.legalSection())).contains("局级优秀案卷");
		assertThat(jdbc.sql("select count(*) from audit_log where action = 'EXCELLENT_AWARD_CREATED' and entity_key like 'EV-B-2%'")
			.query(Long.class).single()).isEqualTo(1);
	}

	// ------------------------------------------------------------------ results

	@Test
	void r43_resultsBySquadAndMonthCountEachFilesMeanScoreAndGrade() throws Exception {
		long r1 = bureau.concludedCase("EV-R-A1", "普通程序", squad1, a1, a2, LocalDate.of(2023, 10, 3));
		long r2 = bureau.concludedCase("EV-R-A2", "普通程序", squad1, a1, a2, LocalDate.of(2023, 10, 4));
		long r3 = bureau.concludedCase("EV-R-B1", "普通程序", squad2, b1, b2, LocalDate.of(2023, 10, 5));
		long round = open("PEER_REVIEW", "2023-10", 5, 9L);
		assertThat(drawn(round)).containsExactlyInAnyOrder("EV-R-A1", "EV-R-A2", "EV-R-B1");
		assign(round, r1, "EV-B1");
		assign(round, r1, "EV-C1");
		assign(round, r2, "EV-B1");
		assign(round, r3, "EV-A1");
		submit(evaluationId(round, r1, b1), evaluator(squad2, b1), 0, "E07"); // 90
		submit(evaluationId(round, r1, c1), evaluator(squad3, c1), 0, "E05", "E12"); // 92 → file 91.00 优秀
		submit(evaluationId(round, r2, b1), evaluator(squad2, b1), 0, "E07", "E08", "E09"); // 70 合格
		submit(evaluationId(round, r3, a1), evaluator(squad1, a1), 0, "V01"); // 0 不合格

		List<String> rows = results.results(Period.month(2023, 10), Optional.empty(), Optional.empty())
			.stream()
			.filter(r -> r.unitName().startsWith("评查"))
			.map(r -> r.unitName() + " " + r.month() + " " + r.files() + "/" + r.scored() + " " + r.average() + " "
					+ r.excellent() + "/" + r.qualified() + "/" + r.failed())
			.toList();
		assertThat(rows).containsExactly("评查一中队 2023-10 2/2 80.50 1/1/0", "评查二中队 2023-10 1/1 0.00 0/0/1");

		String page = html(get("/evaluations/results?period=2023-Q4"), Users.leader());
		assertThat(page).contains("80.50", "results-chart", "data-excellent=\"1\"");
		String own = html(get("/evaluations/results?period=2023-Q4&unit=" + squad1), Users.squadLeaderOf(squad2));
		assertThat(own).contains("评查二中队").doesNotContain("评查一中队");
		assertThat(results.results(Period.month(2023, 10), Optional.of(squad1), Optional.of("SPOT_CHECK"))).isEmpty();
		assertThat(results.results(Period.month(2023, 10), Optional.of(squad1), Optional.empty())).singleElement()
			.satisfies(r -> assertThat(r.month()).isEqualTo(YearMonth.of(2023, 10)));
	}

	// ------------------------------------------------------------------ reminders

	@Test
	void r43_anEvaluatorIsRemindedOfTheFilesAssignedToHimNotYetScored() throws Exception {
		long person = bureau.officer("EV-D1", "提醒评查人", squad3);
		CurrentUser user = new CurrentUser(3L, "evd1", "提醒评查人", Role.LEGAL_OFFICER, squad3, person);
		assertThat(due.dueFor(user, LocalDate.of(2024, 1, 15))).isEmpty();
		long round = open("PEER_REVIEW", "2023-11", 10, 10L);
		long file = caseId("EV-A-4");
		assign(round, file, "EV-D1");
		List<DueItem> items = due.dueFor(user, LocalDate.of(2024, 1, 15));
		assertThat(items).singleElement().satisfies(i -> {
			assertThat(i.messageKey()).isEqualTo("evaluation.due.mine");
			assertThat(i.args()).containsExactly(1L);
			assertThat(i.link()).isEqualTo("/evaluations/mine");
		});
		submit(evaluationId(round, file, person), evaluator(squad3, person), 0).andExpect(status().is3xxRedirection());
		assertThat(due.dueFor(user, LocalDate.of(2024, 1, 15))).isEmpty();
	}

	// ------------------------------------------------------------------ helpers

	static RequestPostProcessor evaluator(long unit, long person) {
		return Users.as(Role.LEGAL_OFFICER, unit, person);
	}

	long open(String kind, String month, int perSquad, Long seed) throws Exception {
		MockHttpServletRequestBuilder req = post("/evaluations/rounds").with(Users.legalSection()).with(csrf())
			.param("kind", kind).param("month", month).param("perSquad", Integer.toString(perSquad));
		if (seed != null) {
			req.param("seed", seed.toString());
		}
		String to = mvc.perform(req).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		Matcher m = ROUND.matcher(to);
		assertThat(m.find()).as(to).isTrue();
		return Long.parseLong(m.group(1));
	}

	List<String> drawn(long round) {
		return jdbc.sql("""
				select c.case_no from evaluation_file f join case_file c on c.id = f.case_id
				where f.round_id = ? order by f.draw_order""").param(round).query(String.class).list();
	}

	long caseId(String caseNo) {
		return jdbc.sql("select id from case_file where case_no = ?").param(caseNo).query(Long.class).single();
	}

	ResultActions assign(long round, long caseId, String employeeNo) throws Exception {
		return mvc.perform(post("/evaluations/rounds/" + round + "/assign").with(Users.legalSection()).with(csrf())
			.param("caseId", Long.toString(caseId)).param("employeeNo", employeeNo));
	}

	ResultActions award(long round, long caseId) throws Exception {
		return mvc.perform(post("/evaluations/rounds/" + round + "/award").with(Users.legalSection()).with(csrf())
			.param("caseId", Long.toString(caseId)));
	}

	long evaluationId(long round, long caseId, long person) {
		return jdbc.sql("select id from evaluation where round_id = ? and case_id = ? and evaluator_person_id = ?")
			.params(round, caseId, person).query(Long.class).single();
	}

	ResultActions submit(long id, RequestPostProcessor who, int version, String... codes) throws Exception {
		MockHttpServletRequestBuilder req = post("/evaluations/" + id).with(who).with(csrf())
			.param("version", Integer.toString(version));
		for (String code : codes) {
			req.param("itemIds", jdbc.sql("select cast(id as varchar(20)) from evaluation_item where code = ?")
				.param(code).query(String.class).single());
		}
		return mvc.perform(req);
	}

	String formError(ResultActions result) throws Exception {
		var response = result.andReturn().getResponse();
		if (response.getStatus() == 302) {
			return null;
		}
		Matcher m = Pattern.compile("<div class=\"alert alert-danger\" role=\"alert\">([^<]*)</div>")
			.matcher(response.getContentAsString(StandardCharsets.UTF_8));
		return m.find() ? m.group(1) : "(no form error; status " + response.getStatus() + ")";
	}

	String html(MockHttpServletRequestBuilder req, RequestPostProcessor who) throws Exception {
		return mvc.perform(req.with(who)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	static String fileRow(String page, String caseNo) {
		int start = page.indexOf("data-case-no=\"" + caseNo + "\"");
		assertThat(start).as("row of " + caseNo).isNotNegative();
		int end = page.indexOf("</tr>", start);
		return page.substring(start, end);
	}

	String excellence(String employeeNo, Period period) {
		return ledger.breakdown(employeeNo, period).map(b -> b.score().excellence().toString()).orElse("0.00");
	}

}
