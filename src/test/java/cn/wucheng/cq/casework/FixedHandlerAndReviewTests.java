package cn.wucheng.cq.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
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

import cn.wucheng.cq.reminders.DueItem;
import cn.wucheng.cq.reminders.DueItemSource;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.security.Role;
import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.TestClock;
import cn.wucheng.cq.support.Users;

/**
 * R-13 on the squad page (a fixed handler above the share, only with enough cases, the setting followed) and R-40:
 * the legal officer's review of simple cases with its lateness flag, the "today" view of unreviewed cases with their
 * violations, and R-71: nothing of it before the squad's rollout start.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(properties = "cq.test.context=casework")
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FixedHandlerAndReviewTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	List<DueItemSource> sources;

	CaseworkFixture fixed;

	CaseworkFixture few;

	CaseworkFixture review;

	CaseworkFixture late2;

	@BeforeAll
	void squads() {
		fixed = new CaseworkFixture(jdbc, "GD", "固定一中队", "直属中队", true);
		few = new CaseworkFixture(jdbc, "GE", "固定二中队", "直属中队", true);
		review = new CaseworkFixture(jdbc, "SH", "审核一中队", "直属中队", true);
		late2 = new CaseworkFixture(jdbc, "SK", "审核二类中队", "二类中队", true);
		// 固定一中队, 2024-Q2: 10 cases; 甲 handles 5 (50%), 乙 4 (40%: not more than the share), 丙 and others the rest
		for (int i = 1; i <= 10; i++) {
			long lead = i <= 5 ? fixed.a : fixed.c;
			long co = i <= 4 ? fixed.b : fixed.leader;
			fixed.bureau.caseIn("GD-" + i, "普通程序", "市容环境卫生", fixed.unit, lead, co, LocalDate.of(2024, 4, i), null);
		}
		// 固定二中队: 9 cases all by 甲 and 乙 — too few to warn
		for (int i = 1; i <= 9; i++) {
			few.bureau.caseIn("GE-" + i, "普通程序", "市容环境卫生", few.unit, few.a, few.b, LocalDate.of(2024, 4, i), null);
		}
	}

	@AfterEach
	void defaults() {
		jdbc.sql("delete from setting where name like 'FIXED_HANDLER_%'").update();
	}

	@Test
	void r13_aPersonHandlingMoreThan40PercentOfTenCasesIsWarnedWithTheFigures() throws Exception {
		String page = html(mvc.perform(get("/casework/squads/" + fixed.unit + "?quarter=2024-Q2").with(Users.legalSection())));
		assertThat(page).contains("固定专人办案预警：GD甲（GD-A）本季度承办本中队案件 5 起，共 10 起，占 50%")
			.doesNotContain("GD乙（GD-B）本季度承办")
			.contains("GD丙（GD-C）本季度承办本中队案件 5 起")
			.doesNotContain("??");
		assertThat(page).contains("data-warning=\"GD-A\"", "data-warning=\"GD-C\"", "data-warning=\"GD-L\"")
			.doesNotContain("data-warning=\"GD-B\"");
	}

	@Test
	void r13_aSquadWithFewerThanTenCasesIsNotWarnedAndTheSettingsAreFollowed() throws Exception {
		String page = html(mvc.perform(get("/casework/squads/" + few.unit + "?quarter=2024-Q2").with(Users.squadLeaderOf(few.unit))));
		assertThat(page).contains("本季度本中队案件 9 起，少于 10 起").doesNotContain("data-warning=");
		jdbc.sql("insert into setting (name, setting_value, updated_by, updated_at) values ('FIXED_HANDLER_MIN_CASES', '5', 't', ?)")
			.param(LocalDateTime.now()).update();
		jdbc.sql("insert into setting (name, setting_value, updated_by, updated_at) values ('FIXED_HANDLER_SHARE', '0.5', 't', ?)")
			.param(LocalDateTime.now()).update();
		page = html(mvc.perform(get("/casework/squads/" + fixed.unit + "?quarter=2024-Q2").with(Users.leader())));
		assertThat(page).contains("超过 50%", "data-warning=\"GD-L\"").doesNotContain("data-warning=\"GD-A\"");
		page = html(mvc.perform(get("/casework/squads/" + few.unit + "?quarter=2024-Q2").with(Users.leader())));
		assertThat(page).contains("data-warning=\"GE-A\"", "占 100%");
	}

	@Test
	void r13_anotherSquadsPageIsNotFoundForASquadLeader() throws Exception {
		mvc.perform(get("/casework/squads/" + fixed.unit).with(Users.squadLeaderOf(few.unit))).andExpect(status().isNotFound());
		mvc.perform(get("/casework/squads/" + fixed.unit).with(Users.officer(fixed.a, fixed.unit))).andExpect(status().isForbidden());
	}

	@Test
	void r40_theLegalOfficerReviewsASimpleCaseTheSameDayWithoutAFlag() throws Exception {
		long id = review.simpleCase("SH-1", LocalDate.of(2024, 3, 11));
		clock.setToday(LocalDate.of(2024, 3, 11));
		mvc.perform(reviewOf(review, id, true, null).param("videoNo", "VID-SH-1"))
			.andExpect(flash().attribute("flashSuccess", "案件 SH-1 已审核。"));
		assertThat(jdbc.sql("select reviewed_on from simple_review where case_id = ?").param(id).query(LocalDate.class)
			.single()).isEqualTo(LocalDate.of(2024, 3, 11));
		String page = html(mvc.perform(get("/casework/cases/" + id).with(Users.squadLeaderOf(review.unit))));
		assertThat(page).contains("VID-SH-1").doesNotContain("id=\"review-late\"");
		assertThat(review.audits("SIMPLE_REVIEW_RECORDED", "SH-1")).isEqualTo(1);
	}

	@Test
	void r40_aReviewAfterTheCaseDayIsFlaggedLate() throws Exception {
		long id = review.simpleCase("SH-2", LocalDate.of(2024, 3, 12));
		clock.setToday(LocalDate.of(2024, 3, 14));
		mvc.perform(reviewOf(review, id, false, null))
			.andExpect(flash().attribute("flashSuccess",
					"案件 SH-2 已审核；审核日期 2024-03-14 晚于案件当天 2024-03-12，已标记为逾期审核（当天案件当天审核完毕）。"));
		String page = html(mvc.perform(get("/casework/cases/" + id).with(Users.legalOfficerOf(review.unit))));
		assertThat(page).contains("id=\"review-late\"", "逾期审核（当天案件当天审核完毕）");
	}

	@Test
	void r40_aMissingCheckIsRefusedNamingItAndOnlyTheSquadsLegalOfficerReviews() throws Exception {
		long id = review.simpleCase("SH-3", LocalDate.of(2024, 3, 13));
		clock.setToday(LocalDate.of(2024, 3, 13));
		String page = html(mvc.perform(post("/casework/cases/" + id + "/review").with(Users.legalOfficerOf(review.unit))
			.with(csrf()).param("subjectOk", "true").param("partyOk", "true").param("evidenceOk", "true")
			.param("lawOk", "true")));
		assertThat(page).contains("全过程记录是否齐全：请选择是或否");
		mvc.perform(reviewOf(review, id, true, null).with(Users.legalOfficerOf(fixed.unit))).andExpect(status().isNotFound());
		// the squad leader reviews only a case the legal officer handled
		mvc.perform(reviewOf(review, id, true, null).with(Users.squadLeaderOf(review.unit)))
			.andExpect(flash().attribute("flashError", "案件 SH-3 由中队法制员审核；只有法制员本人承办的案件才由中队长审核（任务清单第8项）"));
		assertThat(jdbc.sql("select count(*) from simple_review where case_id = ?").param(id).query(Long.class).single()).isZero();
		long ordinary = review.bureau.caseIn("SH-O1", "普通程序", "市容环境卫生", review.unit, review.a, review.b,
				LocalDate.of(2024, 3, 13), null);
		mvc.perform(reviewOf(review, ordinary, true, null))
			.andExpect(flash().attribute("flashError", "只有简易程序案件由中队法制员审核（任务清单第8项），该案件为普通程序"));
	}

	@Test
	void r40_theTodayViewListsUnreviewedCasesOfTodayAndOverdueWithTheirViolations() throws Exception {
		long today = review.simpleCase("SH-T1", LocalDate.of(2024, 4, 10));
		review.simpleCase("SH-T0", LocalDate.of(2024, 4, 8));
		// an imported case with an auxiliary as co-handler and no video: listed with its breaches, not dropped
		review.bureau.caseIn("SH-IMP", "简易程序", "市容环境卫生", review.unit, review.a, review.aux1,
				LocalDate.of(2024, 4, 9), LocalDate.of(2024, 4, 9));
		review.simpleCase("SH-T2", LocalDate.of(2024, 4, 11));
		clock.setToday(LocalDate.of(2024, 4, 10));
		String page = html(mvc.perform(get("/casework/squads/" + review.unit + "/reviews").with(Users.legalOfficerOf(review.unit))));
		assertThat(page).contains("SH-T1", "SH-T0", "SH-IMP", "今日待审核", "逾期未审核", "辅助人员承办（任务清单第5项）", "缺视频编号（任务清单第10项）")
			.doesNotContain("SH-T2");
		List<DueItem> due = due(Role.LEGAL_OFFICER, review.unit, LocalDate.of(2024, 4, 10));
		assertThat(due).extracting(DueItem::messageKey).contains("casework.due.reviewToday", "casework.due.reviewOverdue");
		mvc.perform(reviewOf(review, today, true, null)).andExpect(flash().attributeExists("flashSuccess"));
		page = html(mvc.perform(get("/casework/squads/" + review.unit + "/reviews").with(Users.legalOfficerOf(review.unit))));
		assertThat(page).doesNotContain("data-case=\"SH-T1\"").contains("data-case=\"SH-IMP\"");
	}

	@Test
	void r71_beforeTheSquadsRolloutStartTheReviewRulesDoNotApply() throws Exception {
		// 二类中队 start on 2024-05-01
		long before = late2.simpleCase("SK-1", LocalDate.of(2024, 4, 20));
		long after = late2.simpleCase("SK-2", LocalDate.of(2024, 5, 6));
		clock.setToday(LocalDate.of(2024, 4, 25));
		assertThat(html(mvc.perform(get("/casework/squads/" + late2.unit + "/reviews").with(Users.legalOfficerOf(late2.unit)))))
			.contains("本中队自 2024-05-01 起实行提质增效规则").doesNotContain("SK-1");
		assertThat(html(mvc.perform(get("/casework/cases/" + before).with(Users.legalOfficerOf(late2.unit)))))
			.contains("id=\"review-not-yet\"").doesNotContain("id=\"review-form\"");
		mvc.perform(reviewOf(late2, before, true, null))
			.andExpect(flash().attribute("flashError", "该案件日期 2024-04-20 早于本中队推进起始日 2024-05-01，简易案件审核规则尚未适用（分批推进）"));
		assertThat(html(mvc.perform(get("/casework/squads/" + late2.unit + "/lists/2024-04").with(Users.squadLeaderOf(late2.unit)))))
			.contains("id=\"not-yet\"");
		clock.setToday(LocalDate.of(2024, 5, 7));
		String page = html(mvc.perform(get("/casework/squads/" + late2.unit + "/reviews").with(Users.legalOfficerOf(late2.unit))));
		assertThat(page).contains("SK-2").doesNotContain("SK-1");
		mvc.perform(reviewOf(late2, after, true, null)).andExpect(flash().attributeExists("flashSuccess"));
	}

	private List<DueItem> due(Role role, long unit, LocalDate today) {
		CurrentUser user = new CurrentUser(1L, "u", "u", role, unit, null);
		return sources.stream().flatMap(s -> s.dueFor(user, today).stream()).toList();
	}

	private MockHttpServletRequestBuilder reviewOf(CaseworkFixture f, long caseId, boolean allYes, Integer version) {
		MockHttpServletRequestBuilder r = post("/casework/cases/" + caseId + "/review").with(Users.legalOfficerOf(f.unit))
			.with(csrf())
			.param("subjectOk", "true")
			.param("partyOk", "true")
			.param("evidenceOk", Boolean.toString(allYes))
			.param("lawOk", "true")
			.param("recordOk", "true");
		if (!allYes) {
			r.param("note", "事实证据：缺现场照片"); // a 否 with its note
		}
		if (version != null) {
			r.param("version", version.toString());
		}
		return r;
	}

	private static String html(ResultActions result) throws Exception {
		return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
