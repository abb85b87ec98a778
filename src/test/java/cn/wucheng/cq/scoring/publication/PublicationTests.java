package cn.wucheng.cq.scoring.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
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
import cn.wucheng.cq.support.SettableClock;
import cn.wucheng.cq.support.Users;

/**
 * R-26 (with R-27): publishing, appealing, deciding, finalising and re-opening a quarter through the pages, each
 * transition's refusal and happy path. Every test uses its own quarter and its own squad (名字 公示*), so the
 * quarters' rankings do not mix; today is set on the clock for each step.
 */
@SpringBootTest(properties = "cq.test.context=publication")
@AutoConfigureMockMvc
@Import(SettableClock.Config.class)
class PublicationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SettableClock clock;

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
			.param("version", p.getVersion().toString()))
			.andExpect(flash().attribute("flashError", "2031年第1季度已公示（当前状态：公示中（至 2031-04-08）），不能重复公示"));
		assertThat(audits("SCORES_PUBLISHED", "2031-Q1")).isEqualTo(1);
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

	// ------------------------------------------------------------------ helpers

	ResultActions publish(Period q) throws Exception {
		return mvc.perform(post("/publication/" + q + "/publish").with(Users.legalSection()).with(csrf())
			.param("version", version(q)));
	}

	ResultActions finalise(Period q) throws Exception {
		return mvc.perform(post("/publication/" + q + "/finalise").with(Users.legalSection()).with(csrf())
			.param("version", version(q)));
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
