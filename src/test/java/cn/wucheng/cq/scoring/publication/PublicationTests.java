package cn.wucheng.cq.scoring.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.wucheng.cq.scoring.ScoreLedger;
import cn.wucheng.cq.scoring.ScoreScope;
import cn.wucheng.cq.shared.Period;
import cn.wucheng.cq.support.Bureau;
import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.TestClock;
import cn.wucheng.cq.support.Users;

/**
 * R-26 (with R-27): publishing, appealing, deciding, finalising and re-opening a quarter through the pages, each
 * transition's refusal and happy path. Every test uses its own quarter and its own squad (名字 公示*), so the
 * quarters' rankings do not mix; today is set on the clock for each step.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(properties = "cq.test.context=publication")
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
class PublicationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	PublicationRepository publications;

	@Autowired
	AppealRepository appeals;

	@Autowired
	ScoreLedger ledger;

	/** A squad with two officers and one ordinary case of each as lead, concluded in the quarter. */
	record Squad(long unit, long zhang, long li, long zhangCase, long liCase, String zhangNo, String liNo) {
	}

	Squad squad(String tag, Period quarter) {
		Bureau bureau = new Bureau(jdbc);
		long unit = bureau.unit("公示" + tag + "中队", "直属中队");
		long zhang = bureau.officer("GS" + tag + "1", "张" + tag, unit);
		long li = bureau.officer("GS" + tag + "2", "李" + tag, unit);
		LocalDate day = quarter.start().plusDays(10);
		long zhangCase = bureau.concludedCase("GS-" + tag + "-1", "普通程序", unit, zhang, li, day);
		long liCase = bureau.concludedCase("GS-" + tag + "-2", "简易程序", unit, li, zhang, day);
		return new Squad(unit, zhang, li, zhangCase, liCase, "GS" + tag + "1", "GS" + tag + "2");
	}

	// ------------------------------------------------------------------ publish

	@Test
	void r26_theLegalSectionPublishesAnEndedQuarterForFiveWorkingDaysAndCannotPublishItTwice() throws Exception {
		Period q = Period.quarter(2031, 1);
		squad("甲", q);
		clock.setToday(LocalDate.of(2031, 4, 1)); // Tuesday
		publish(q).andExpect(flash().attribute("flashSuccess", "2031年第1季度积分和排名已公示，公示期至 2031-04-08。"));
		Publication p = publications.findByPeriodCode("2031-Q1").orElseThrow();
		assertThat(p.getStatus()).isEqualTo(PublicationState.PUBLISHED);
		assertThat(p.getPublishedOn()).isEqualTo(LocalDate.of(2031, 4, 1));
		assertThat(p.getNoticeEndsOn()).isEqualTo(LocalDate.of(2031, 4, 8));

		mvc.perform(post("/publication/2031-Q1/publish").with(Users.legalSection()).with(csrf())
			.param("version", p.getVersion().toString())
			.param("confirmed", "true"))
			.andExpect(flash().attribute("flashError", "2031年第1季度已公示（当前状态：公示中（至 2031-04-08）），不能重复公示"));
		assertThat(audits("SCORES_PUBLISHED", "2031-Q1")).isEqualTo(1);
	}

	@Test
	void publishingWithoutTickingTheConfirmationIsRefusedAndPublishesNothing() throws Exception {
		// issue 13 item 7: 公示 cannot be undone — the server asks for the form's confirmation box, not only the browser
		Period q = Period.quarter(2036, 1);
		squad("确", q);
		clock.setToday(LocalDate.of(2036, 4, 2));
		mvc.perform(post("/publication/" + q + "/publish").with(Users.legalSection()).with(csrf()))
			.andExpect(flash().attribute("flashError", "请先勾选确认框：此操作不能撤回。"));
		assertThat(publications.findByPeriodCode("2036-Q1")).isEmpty();
		assertThat(audits("SCORES_PUBLISHED", "2036-Q1")).isZero();
		mvc.perform(get("/publication?period=" + q).with(Users.legalSection()))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"publish-confirm\"")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("公示不能撤回")));
	}

	@Test
	void r26_aQuarterIsNotPublishedBeforeItEndsNorByAnyoneButTheLegalSection() throws Exception {
		Period q = Period.quarter(2031, 2);
		Squad s = squad("乙", q);
		clock.setToday(LocalDate.of(2031, 6, 30));
		publish(q).andExpect(flash().attribute("flashError", "2031年第2季度尚未结束（至 2031-06-30），季度结束后才能公示积分和排名"));
		assertThat(publications.findByPeriodCode("2031-Q2")).isEmpty();
		clock.setToday(LocalDate.of(2031, 7, 1));
		for (RequestPostProcessor who : new RequestPostProcessor[] { Users.supervision(), Users.leader(),
				Users.squadLeaderOf(s.unit()), Users.officer(s.zhang(), s.unit()), Users.admin() }) {
			mvc.perform(post("/publication/2031-Q2/publish").with(who).with(csrf())).andExpect(status().isForbidden());
		}
		assertThat(publications.findByPeriodCode("2031-Q2")).isEmpty();
	}

	@Test
	void r27_theNoticePeriodSkipsTheNationalDayHolidayAndCountsTheMakeUpSaturday() throws Exception {
		Period q = Period.quarter(2024, 3);
		squad("丙", q);
		clock.setToday(LocalDate.of(2024, 10, 1)); // 国庆节: 1–7 October off, Saturday 12 October worked
		publish(q);
		// working days after 1 October: 8, 9, 10, 11, 12 (调休上班)
		assertThat(publications.findByPeriodCode("2024-Q3").orElseThrow().getNoticeEndsOn())
			.isEqualTo(LocalDate.of(2024, 10, 12));
	}

	// ------------------------------------------------------------------ appeal

	@Test
	void r26_anOfficerAppealsAnItemOfHisOwnScoreOnlyWithinTheNoticePeriodAndOnlyOnce() throws Exception {
		Period q = Period.quarter(2031, 3);
		Squad s = squad("丁", q);
		RequestPostProcessor zhang = Users.officer(s.zhang(), s.unit());
		clock.setToday(LocalDate.of(2031, 10, 2));
		appeal(zhang, s.zhangNo(), q, "GS-丁-1", "数量分有误")
			.andExpect(flash().attribute("flashError", "2031年第3季度当前为草稿，不在公示期内，不能申诉"));

		publish(q); // notice until 2031-10-09
		appeal(zhang, s.zhangNo(), q, "GS-丁-1", " ")
			.andExpect(flash().attribute("flashError", "申诉须填写理由，说明该项积分哪里有误"));
		appeal(zhang, s.zhangNo(), q, "GS-丁-1", "该案应为重大疑难案件")
			.andExpect(flash().attribute("flashSuccess", "已对案件 GS-丁-1 提出申诉，请等待法制科处理。"));
		appeal(zhang, s.zhangNo(), q, "GS-丁-1", "再次申诉")
			.andExpect(flash().attribute("flashError", "您已对该项提出过申诉，请等待法制科处理结果"));
		// the co-handler's line of the other case is his too
		clock.setToday(LocalDate.of(2031, 10, 9));
		appeal(zhang, s.zhangNo(), q, "GS-丁-2", "协办分值有误").andExpect(flash().attributeExists("flashSuccess"));
		clock.setToday(LocalDate.of(2031, 10, 10));
		appeal(Users.officer(s.li(), s.unit()), s.liNo(), q, "GS-丁-2", "超过公示期")
			.andExpect(flash().attribute("flashError", "2031年第3季度的公示期已于 2031-10-09 结束，不能再申诉"));

		assertThat(jdbc.sql("select count(*) from score_appeal where person_id = ?").param(s.zhang()).query(Long.class).single())
			.isEqualTo(2);
		assertThat(audits("SCORE_APPEAL_FILED", "2031-Q3")).isEqualTo(2);
		String page = html(mvc.perform(get("/scores/" + s.zhangNo()).param("period", "2031-Q3").with(zhang)));
		assertThat(page).contains("申诉记录", "该案应为重大疑难案件", "待处理");
	}

	@Test
	void r26_anOfficerCannotAppealSomeoneElsesScoreOrItem() throws Exception {
		Period q = Period.quarter(2031, 4);
		Squad s = squad("戊", q);
		long other = new Bureau(jdbc).concludedCase("GS-戊-3", "普通程序", s.unit(), s.li(),
				new Bureau(jdbc).officer("GS戊3", "王戊", s.unit()), q.start().plusDays(20));
		clock.setToday(LocalDate.of(2032, 1, 5));
		publish(q);
		RequestPostProcessor zhang = Users.officer(s.zhang(), s.unit());
		// Li's score: not his
		appeal(zhang, s.liNo(), q, "GS-戊-2", "代为申诉").andExpect(status().isNotFound());
		// his own 工号 with a case he did not handle
		appeal(zhang, s.zhangNo(), q, "GS-戊-3", "不是我的案件").andExpect(status().isNotFound());
		// an award line that does not exist
		mvc.perform(post("/scores/" + s.zhangNo() + "/appeals").with(zhang).with(csrf()).param("period", "2031-Q4")
			.param("caseNo", "GS-戊-1").param("awardLevel", "CITY").param("reason", "x"))
			.andExpect(status().isNotFound());
		// squad leaders and the legal section do not appeal
		mvc.perform(post("/scores/" + s.zhangNo() + "/appeals").with(Users.legalSection()).with(csrf())
			.param("period", "2031-Q4").param("caseNo", "GS-戊-1").param("reason", "x")).andExpect(status().isForbidden());
		assertThat(jdbc.sql("select count(*) from score_appeal where case_id in (?, ?)").params(other, s.liCase())
			.query(Long.class).single()).isZero();
	}

	// ------------------------------------------------------------------ decide, finalise

	@Test
	void r26_anUpheldAppealIsFollowedByTheCorrectionAndTheRankingIsRecomputedThenTheQuarterIsFinalised() throws Exception {
		Period q = Period.quarter(2032, 1);
		Squad s = squad("己", q);
		Bureau bureau = new Bureau(jdbc);
		bureau.deductionItem("GSJ1", "文书不规范", "2");
		bureau.returned(s.zhangCase(), "GSJ1", q.start().plusDays(30));
		// Zhang: 5 + 0 (quality 2 − 2) + simple co 0.25 + 1 = 6.25; Li: ordinary co 2.5 + 0 + simple lead 0.5 + 2 = 5
		assertThat(total(q, s.zhang())).isEqualTo("6.25");
		clock.setToday(LocalDate.of(2032, 4, 1));
		publish(q);
		appeal(Users.officer(s.zhang(), s.unit()), s.zhangNo(), q, "GS-己-1", "文书规范，不应扣分")
			.andExpect(flash().attributeExists("flashSuccess"));
		Appeal a = onlyAppeal(s.zhang());

		finalise(q).andExpect(flash().attribute("flashError", "2032年第1季度的公示期至 2032-04-08 结束，公示期满后才能定稿"));
		clock.setToday(LocalDate.of(2032, 4, 9));
		finalise(q).andExpect(flash().attribute("flashError", "2032年第1季度还有 1 件申诉未处理，处理完毕后才能定稿"));

		mvc.perform(post("/appeals/" + a.getId() + "/uphold").with(Users.legalSection()).with(csrf())
			.param("version", a.getVersion().toString()).param("period", "2032-Q1").param("note", ""))
			.andExpect(flash().attribute("flashError", "认定申诉成立须填写处理意见，说明如何更正"));
		mvc.perform(post("/appeals/" + a.getId() + "/uphold").with(Users.legalSection()).with(csrf())
			.param("version", a.getVersion().toString()).param("period", "2032-Q1").param("note", "撤销 GSJ1 扣分"))
			.andExpect(flash().attribute("flashSuccess", "已认定申诉成立；请更正相关数据，排名将随之重新计算。"));
		assertThat(appeals.findById(a.getId()).orElseThrow().getStatus()).isEqualTo(AppealStatus.UPHELD);
		mvc.perform(post("/appeals/" + a.getId() + "/reject").with(Users.legalSection()).with(csrf())
			.param("version", appeals.findById(a.getId()).orElseThrow().getVersion().toString())
			.param("period", "2032-Q1").param("reason", "改判"))
			.andExpect(flash().attribute("flashError", "该申诉已于 2032-04-09 处理（申诉成立），不能再次处理"));

		// the legal section corrects the data (the deduction withdrawn): the live ranking follows
		jdbc.sql("delete from case_return where case_id = ?").param(s.zhangCase()).update();
		assertThat(total(q, s.zhang())).isEqualTo("8.25");
		assertThat(rankOf(q, s.zhang())).isEqualTo(1);

		finalise(q).andExpect(flash().attribute("flashSuccess", "2032年第1季度积分和排名已定稿并冻结。"));
		assertThat(publications.findByPeriodCode("2032-Q1").orElseThrow().getStatus()).isEqualTo(PublicationState.FINAL);
		finalise(q).andExpect(flash().attribute("flashError", "2032年第1季度已定稿，不能重复定稿"));
		assertThat(audits("SCORES_FINALISED", "2032-Q1")).isEqualTo(1);
		assertThat(audits("SCORE_APPEAL_UPHELD", "2032-Q1")).isEqualTo(1);
	}

	@Test
	void r26_anAppealIsRejectedOnlyWithAReasonAndAStaleDecisionIsRefused() throws Exception {
		Period q = Period.quarter(2032, 2);
		Squad s = squad("庚", q);
		clock.setToday(LocalDate.of(2032, 7, 1));
		publish(q);
		appeal(Users.officer(s.li(), s.unit()), s.liNo(), q, "GS-庚-2", "简易程序分值偏低");
		Appeal a = onlyAppeal(s.li());
		mvc.perform(post("/appeals/" + a.getId() + "/reject").with(Users.legalSection()).with(csrf())
			.param("version", a.getVersion().toString()).param("period", "2032-Q2").param("reason", ""))
			.andExpect(flash().attribute("flashError", "驳回申诉须填写理由"));
		mvc.perform(post("/appeals/" + a.getId() + "/reject").with(Users.legalSection()).with(csrf())
			.param("version", "99").param("period", "2032-Q2").param("reason", "分值符合规定"))
			.andExpect(flash().attribute("flashError", "该季度或申诉刚被他人处理过，请查看最新状态后重试。"));
		mvc.perform(post("/appeals/" + a.getId() + "/reject").with(Users.legalSection()).with(csrf())
			.param("version", a.getVersion().toString()).param("period", "2032-Q2").param("reason", "分值符合 R-20 规定"))
			.andExpect(flash().attribute("flashSuccess", "已认定申诉不成立。"));
		Appeal decided = appeals.findById(a.getId()).orElseThrow();
		assertThat(decided.getStatus()).isEqualTo(AppealStatus.REJECTED);
		assertThat(decided.getDecisionNote()).isEqualTo("分值符合 R-20 规定");
		String page = html(mvc.perform(get("/publication").param("period", "2032-Q2").with(Users.legalSection())));
		assertThat(page).contains("申诉不成立", "分值符合 R-20 规定", "简易程序分值偏低").doesNotContain("??");
	}

	@Test
	void r26_aDraftIsNotFinalisedAndOnlyAFinalQuarterIsReopenedWithAReason() throws Exception {
		Period q = Period.quarter(2032, 3);
		squad("辛", q);
		clock.setToday(LocalDate.of(2032, 10, 8));
		finalise(q).andExpect(flash().attribute("flashError", "2032年第3季度尚未公示，须先公示并经过公示期后才能定稿"));
		mvc.perform(post("/publication/2032-Q3/reopen").with(Users.legalSection()).with(csrf()).param("reason", "更正"))
			.andExpect(flash().attribute("flashError", "2032年第3季度当前为草稿，只有已定稿的季度可以重新开放"));
		publish(q);
		clock.setToday(LocalDate.of(2032, 10, 20));
		finalise(q).andExpect(flash().attributeExists("flashSuccess"));
		mvc.perform(post("/publication/2032-Q3/reopen").with(Users.legalSection()).with(csrf())
			.param("version", version(q)).param("reason", "  "))
			.andExpect(flash().attribute("flashError", "重新开放须填写原因"));
		assertThat(publications.findByPeriodCode("2032-Q3").orElseThrow().getStatus()).isEqualTo(PublicationState.FINAL);
	}

	// ------------------------------------------------------------------ R-26 amended: missing cases, outcomes, links

	@Test
	void r26_anOfficerAppealsACaseMissingFromHisBreakdownByItsNumberAndSeesTheLegalSectionsDecisionAndReason()
			throws Exception {
		Period q = Period.quarter(2035, 1);
		Squad s = squad("壬", q);
		// a case he co-handled, concluded in the quarter but imported without him: not in his breakdown
		long forgotten = new Bureau(jdbc).concludedCase("GS-壬-8", "普通程序", s.unit(), s.li(),
				new Bureau(jdbc).officer("GS壬3", "王壬", s.unit()), q.start().plusDays(40));
		RequestPostProcessor zhang = Users.officer(s.zhang(), s.unit());
		clock.setToday(LocalDate.of(2035, 4, 1));
		publish(q);

		missingCaseAppeal(zhang, s.zhangNo(), q, "GS-壬-1", "漏计")
			.andExpect(flash().attribute("flashError", "案件 GS-壬-1 已在您本季度的积分明细中，如对其分值有异议，请对该项申诉"));
		missingCaseAppeal(zhang, s.zhangNo(), q, " ", "漏计")
			.andExpect(flash().attribute("flashError", "请填写未计入明细的案件的案件编号"));
		missingCaseAppeal(zhang, s.zhangNo(), q, "GS-壬-8", "")
			.andExpect(flash().attribute("flashError", "申诉须填写理由，说明您在该案中的角色及该案为何应计入本季度"))
			.andExpect(flash().attribute("missingCaseNo", "GS-壬-8"));
		missingCaseAppeal(zhang, s.zhangNo(), q, " GS-壬-8 ", "本人为该案协办人，导入时漏填")
			.andExpect(flash().attribute("flashSuccess", "已就未计入明细的案件 GS-壬-8 提出申诉，请等待法制科处理。"));
		missingCaseAppeal(zhang, s.zhangNo(), q, "GS-壬-8", "再次申诉")
			.andExpect(flash().attribute("flashError", "您已就案件 GS-壬-8 提出过申诉，请等待法制科处理结果"));
		// a number the system has never seen (not imported at all) may be appealed too
		missingCaseAppeal(zhang, s.zhangNo(), q, "外局-2035-001", "系与外局联合办理的案件")
			.andExpect(flash().attributeExists("flashSuccess"));
		// not on someone else's breakdown
		missingCaseAppeal(zhang, s.liNo(), q, "GS-壬-9", "代为申诉").andExpect(status().isNotFound());

		Appeal known = appeals.findAll().stream().filter(a -> "GS-壬-8".equals(a.getMissingCaseNo())).findFirst().orElseThrow();
		assertThat(known.getKind()).isEqualTo(AppealKind.MISSING_CASE);
		assertThat(known.getCaseId()).isEqualTo(forgotten);
		Appeal unknown = appeals.findAll().stream().filter(a -> "外局-2035-001".equals(a.getMissingCaseNo())).findFirst().orElseThrow();
		assertThat(unknown.getCaseId()).isNull();

		// the legal section sees and decides them like any other appeal, with a reason
		String legalPage = html(mvc.perform(get("/publication").param("period", "2035-Q1").with(Users.legalSection())));
		assertThat(legalPage).contains("未计入明细的案件 GS-壬-8", "本人为该案协办人，导入时漏填", "未计入明细的案件 外局-2035-001");
		mvc.perform(post("/appeals/" + known.getId() + "/uphold").with(Users.legalSection()).with(csrf())
			.param("version", known.getVersion().toString()).param("period", "2035-Q1").param("note", "补录张壬为协办人"))
			.andExpect(flash().attributeExists("flashSuccess"));
		mvc.perform(post("/appeals/" + unknown.getId() + "/reject").with(Users.legalSection()).with(csrf())
			.param("version", unknown.getVersion().toString()).param("period", "2035-Q1").param("reason", "外局案件不计入本局积分"))
			.andExpect(flash().attributeExists("flashSuccess"));
		assertThat(audits("SCORE_APPEAL_FILED", "2035-Q1")).isEqualTo(2);
		assertThat(audits("SCORE_APPEAL_UPHELD", "2035-Q1")).isEqualTo(1);
		assertThat(audits("SCORE_APPEAL_REJECTED", "2035-Q1")).isEqualTo(1);

		// he sees each outcome and its reason on his breakdown and among his reminders
		String breakdown = html(mvc.perform(get("/scores/" + s.zhangNo()).param("period", "2035-Q1").with(zhang)));
		assertThat(breakdown).contains("未计入明细的案件 GS-壬-8", "申诉成立", "补录张壬为协办人", "申诉不成立", "外局案件不计入本局积分")
			.doesNotContain("??");
		clock.setToday(LocalDate.of(2035, 4, 10)); // after the notice period: the breakdown still lists them
		assertThat(html(mvc.perform(get("/scores/" + s.zhangNo()).param("period", "2035-Q1").with(zhang))))
			.contains("补录张壬为协办人", "外局案件不计入本局积分").doesNotContain("missing-case-appeal");
		String reminders = html(mvc.perform(get("/reminders").with(zhang)));
		assertThat(reminders).contains("2035年第1季度：您对“未计入明细的案件 GS-壬-8”的申诉于 2035-04-01 处理：申诉成立。处理意见：补录张壬为协办人",
				"2035年第1季度：您对“未计入明细的案件 外局-2035-001”的申诉于 2035-04-01 处理：申诉不成立。理由：外局案件不计入本局积分");
		// a colleague's reminders do not carry his appeals
		assertThat(html(mvc.perform(get("/reminders").with(Users.officer(s.li(), s.unit())))))
			.doesNotContain("外局案件不计入本局积分");
	}

	@Test
	void r26_anAppealedLineShowsItsOutcomeRatherThanABareAppealedMark() throws Exception {
		Period q = Period.quarter(2035, 2);
		Squad s = squad("癸", q);
		RequestPostProcessor zhang = Users.officer(s.zhang(), s.unit());
		clock.setToday(LocalDate.of(2035, 7, 1));
		publish(q);
		appeal(zhang, s.zhangNo(), q, "GS-癸-1", "应为重大疑难案件").andExpect(flash().attributeExists("flashSuccess"));
		String waiting = html(mvc.perform(get("/scores/" + s.zhangNo()).param("period", "2035-Q2").with(zhang)));
		assertThat(waiting).contains("待法制科处理").doesNotContain("已申诉");
		Appeal a = onlyAppeal(s.zhang());
		mvc.perform(post("/appeals/" + a.getId() + "/reject").with(Users.legalSection()).with(csrf())
			.param("version", a.getVersion().toString()).param("period", "2035-Q2").param("reason", "案情简单，不属重大疑难"));
		String decided = html(mvc.perform(get("/scores/" + s.zhangNo()).param("period", "2035-Q2").with(zhang)));
		assertThat(decided).doesNotContain("已申诉").contains("案情简单，不属重大疑难");
		// the line's own mark is the outcome, linking to the appeal record
		assertThat(decided).containsPattern("(?s)href=\"#my-appeals\"[^>]*>申诉不成立</a>");
	}

	@Test
	void r26_aPublishedRankingLinksOnlyToBreakdownsTheViewerMayOpenAndShowsTheOthersByName() throws Exception {
		Period q = Period.quarter(2035, 3);
		Squad s = squad("子", q);
		long otherUnit = new Bureau(jdbc).unit("公示丑中队", "直属中队");
		long wang = new Bureau(jdbc).officer("GS丑1", "王丑", otherUnit);
		new Bureau(jdbc).concludedCase("GS-丑-1", "普通程序", otherUnit, wang, s.li(), q.start().plusDays(5));
		clock.setToday(LocalDate.of(2035, 10, 8));
		publish(q);
		String zhangLink = breakdownLink(s.zhangNo());
		String liLink = breakdownLink(s.liNo());
		String wangLink = breakdownLink("GS丑1");

		// an officer: names only in the table, his own breakdown linked above it — and the colleague's page is refused
		String officer = rankingPage(Users.officer(s.zhang(), s.unit()));
		assertThat(officer).contains("李子", "王丑", "查看我的积分明细", zhangLink)
			.doesNotContain(liLink, wangLink);
		mvc.perform(get("/scores/" + s.liNo()).param("period", "2035-Q3").with(Users.officer(s.zhang(), s.unit())))
			.andExpect(status().isNotFound());
		// his squad leader: his squad's breakdowns, not the other squad's
		String squadLeader = rankingPage(Users.squadLeaderOf(s.unit()));
		assertThat(squadLeader).contains(zhangLink, liLink, "王丑").doesNotContain(wangLink, "查看我的积分明细");
		// the legal section: everyone's
		assertThat(rankingPage(Users.legalSection())).contains(zhangLink, liLink, wangLink);
	}

	static String breakdownLink(String employeeNo) {
		return "/scores/" + org.springframework.web.util.UriUtils.encodePathSegment(employeeNo, StandardCharsets.UTF_8)
				+ "?period=2035-Q3";
	}

	String rankingPage(RequestPostProcessor who) throws Exception {
		return html(mvc.perform(get("/rankings").param("period", "2035-Q3").param("cat", "DIRECT_SQUAD").with(who)))
			.replace("&amp;", "&");
	}

	ResultActions missingCaseAppeal(RequestPostProcessor who, String employeeNo, Period q, String caseNo, String reason)
			throws Exception {
		return mvc.perform(post("/scores/" + employeeNo + "/missing-case-appeals").with(who).with(csrf())
			.param("period", q.toString()).param("caseNo", caseNo).param("reason", reason));
	}

	// ------------------------------------------------------------------ helpers

	ResultActions publish(Period q) throws Exception {
		return mvc.perform(post("/publication/" + q + "/publish").with(Users.legalSection()).with(csrf())
			.param("version", version(q))
			.param("confirmed", "true"));
	}

	ResultActions finalise(Period q) throws Exception {
		return mvc.perform(post("/publication/" + q + "/finalise").with(Users.legalSection()).with(csrf())
			.param("version", version(q))
			.param("confirmed", "true"));
	}

	ResultActions appeal(RequestPostProcessor who, String employeeNo, Period q, String caseNo, String reason)
			throws Exception {
		return mvc.perform(post("/scores/" + employeeNo + "/appeals").with(who).with(csrf())
			.param("period", q.toString()).param("caseNo", caseNo).param("reason", reason));
	}

	String version(Period q) {
		return publications.findByPeriodCode(q.toString()).map(p -> p.getVersion().toString()).orElse("");
	}

	Appeal onlyAppeal(long personId) {
		return appeals.findAll().stream().filter(a -> a.getPersonId() == personId).findFirst().orElseThrow();
	}

	String total(Period q, long personId) {
		return ledger.scores(q, ScoreScope.person(personId)).get(0).total().toString();
	}

	int rankOf(Period q, long personId) {
		return ledger.rankings(q, ScoreScope.person(personId))
			.categories()
			.stream()
			.flatMap(c -> c.entries().stream())
			.findFirst()
			.orElseThrow()
			.rank();
	}

	long audits(String action, String key) {
		return jdbc.sql("select count(*) from audit_log where action = ? and entity_key like ?")
			.params(action, key + "%")
			.query(Long.class)
			.single();
	}

	String html(ResultActions result) throws Exception {
		return result.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
