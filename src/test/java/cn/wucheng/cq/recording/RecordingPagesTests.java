package cn.wucheng.cq.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.wucheng.cq.settings.RuleSetting;
import cn.wucheng.cq.settings.RuleSettings;
import cn.wucheng.cq.support.Bureau;
import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.Users;

/**
 * Recording a case's videos, inquiries (R-51, R-11 for who is present) and disc archive through the
 * pages: each rule's refusals in Chinese and its happy path, the case's gaps closing, stale edits, R-71 before a
 * squad's start, and who may record (the case's squad, its two handlers, the legal section; others read within
 * scope; out of scope is 404). Units 记录*, 工号 REC-*.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(properties = "cq.test.context=recording")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordingPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RuleSettings settings;

	long squadA;

	long squadB;

	long a1;

	long a3;

	long b1;

	long simple;

	long ordinary;

	long open;

	long early;

	long otherSquadsCase;

	long forDeletion;

	@BeforeAll
	void twoSquadsWithCases() {
		Bureau bureau = new Bureau(jdbc);
		squadA = bureau.unit("记录甲中队", "直属中队");
		squadB = bureau.unit("记录乙中队", "直属中队");
		a1 = bureau.officer("REC-A1", "记录甲一", squadA);
		long a2 = bureau.officer("REC-A2", "记录甲二", squadA);
		a3 = bureau.officer("REC-A3", "记录甲三", squadA);
		bureau.auxiliary("REC-AX", "记录辅", squadA);
		b1 = bureau.officer("REC-B1", "记录乙一", squadB);
		long b2 = bureau.officer("REC-B2", "记录乙二", squadB);
		simple = bureau.caseIn("REC-S", "简易程序", "市容环境卫生", squadA, a1, a2, LocalDate.of(2024, 3, 5),
				LocalDate.of(2024, 3, 5));
		ordinary = bureau.caseIn("REC-O", "普通程序", "市容环境卫生", squadA, a1, a2, LocalDate.of(2024, 3, 1),
				LocalDate.of(2024, 4, 10));
		open = bureau.caseIn("REC-OPEN", "普通程序", "市容环境卫生", squadA, a1, a2, LocalDate.of(2024, 3, 1), null);
		early = bureau.caseIn("REC-EARLY", "普通程序", "市容环境卫生", squadA, a1, a2, LocalDate.of(2024, 1, 2), null);
		otherSquadsCase = bureau.caseIn("REC-B", "简易程序", "市容环境卫生", squadB, b1, b2, LocalDate.of(2024, 3, 5),
				LocalDate.of(2024, 3, 5));
		forDeletion = bureau.caseIn("REC-DEL", "简易程序", "市容环境卫生", squadA, a1, a2, LocalDate.of(2024, 3, 6),
				LocalDate.of(2024, 3, 6));
	}

	// ------------------------------------------------------------------ R-50 videos

	@Test
	void r50_aSquadLeaderRecordsAVideoAndTheSimpleCasesGapCloses() throws Exception {
		assertThat(page(simple, Users.squadLeaderOf(squadA))).contains("data-gap=\"R50_NO_VIDEO\"", "本中队自 2024-01-09 起执行本制度（第1批）");
		mvc.perform(video(simple, "V-2024-0305-01").with(Users.squadLeaderOf(squadA)))
			.andExpect(redirectedUrl("/cases/" + simple + "/recording"))
			.andExpect(flash().attribute("flashSuccess", "视频 V-2024-0305-01 已登记。"));
		String after = page(simple, Users.squadLeaderOf(squadA));
		assertThat(after).contains("data-video=\"V-2024-0305-01\"", "执法记录仪", "全过程", "id=\"no-gaps\"")
			.doesNotContain("data-gap=");
		assertThat(audits("CASE_VIDEO_RECORDED", "REC-S %")).isEqualTo(1);
	}

	@Test
	void r50_aVideoWithoutNumberOrWithTheSameNumberTwiceIsRefused() throws Exception {
		mvc.perform(video(otherSquadsCase, "  ").with(Users.legalSection()))
			.andExpect(flash().attribute("flashError", "请填写视频编号"));
		mvc.perform(video(otherSquadsCase, "V-B-1").with(Users.legalSection()))
			.andExpect(flash().attribute("flashSuccess", containsString("V-B-1")));
		mvc.perform(video(otherSquadsCase, "V-B-1").with(Users.legalSection()))
			.andExpect(flash().attribute("flashError", "案件 REC-B 已登记视频编号 V-B-1"));
		mvc.perform(post("/cases/" + otherSquadsCase + "/recording/videos").with(csrf()).with(Users.legalSection())
			.param("videoNo", "V-B-2").param("videoKind", "BODY_CAMERA"))
			.andExpect(flash().attribute("flashError", containsString("请选择录制环节")));
		assertThat(jdbc.sql("select count(*) from case_video where case_id = ?").param(otherSquadsCase)
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aStaleDeletionIsRefusedAndTheCurrentOneDeletesAndIsAudited() throws Exception {
		mvc.perform(video(forDeletion, "V-DEL").with(Users.legalOfficerOf(squadA)))
			.andExpect(flash().attribute("flashSuccess", containsString("V-DEL")));
		long id = jdbc.sql("select id from case_video where case_id = ?").param(forDeletion).query(Long.class).single();
		mvc.perform(post("/cases/" + forDeletion + "/recording/videos/" + id + "/delete").with(csrf()).param("confirmed", "true")
			.with(Users.legalOfficerOf(squadA)).param("version", "7"))
			.andExpect(flash().attribute("flashError", "该记录已被他人修改或删除，请刷新页面后重新填写。"));
		mvc.perform(post("/cases/" + forDeletion + "/recording/videos/" + id + "/delete").with(csrf()).param("confirmed", "true")
			.with(Users.legalOfficerOf(squadA)).param("version", "0"))
			.andExpect(flash().attribute("flashSuccess", "视频记录已删除。"));
		assertThat(jdbc.sql("select count(*) from case_video where case_id = ?").param(forDeletion)
			.query(Long.class).single()).isZero();
		assertThat(audits("CASE_VIDEO_DELETED", "REC-DEL %")).isEqualTo(1);
	}

	// ------------------------------------------------------------------ R-51 inquiries

	@Test
	void r51_anAuxiliaryInTheInquiryRoomIsRefusedByName() throws Exception {
		mvc.perform(inquiry(ordinary, "2024-03-10", "ROOM", null, null, "REC-A1、REC-A2 REC-AX")
			.with(Users.squadLeaderOf(squadA)))
			.andExpect(flash().attribute("flashError", "辅助人员 记录辅（REC-AX） 不得在调查询问室参与询问（任务清单第6项）"))
			.andExpect(flash().attribute("inquiryForm", org.hamcrest.Matchers.notNullValue()));
		assertThat(inquiries(ordinary, "2024-03-10")).isZero();
	}

	@Test
	void r51_anOrdinaryCasesInquiryElsewhereNeedsTheBodyCameraNumberAndThenMayHaveAnAuxiliaryPresent() throws Exception {
		mvc.perform(inquiry(ordinary, "2024-03-11", "ELSEWHERE", "当事人经营场所", " ", "REC-A1,REC-A2")
			.with(Users.squadLeaderOf(squadA)))
			.andExpect(flash().attribute("flashError", containsString("须以执法记录仪全程录像，请填写执法记录仪录像编号（实施方案 四（四））")));
		mvc.perform(inquiry(ordinary, "2024-03-11", "ELSEWHERE", null, "BC-1", "REC-A1,REC-A2")
			.with(Users.squadLeaderOf(squadA)))
			.andExpect(flash().attribute("flashError", "在调查询问室以外询问的，请填写询问地点"));
		assertThat(inquiries(ordinary, "2024-03-11")).isZero();
		mvc.perform(inquiry(ordinary, "2024-03-11", "ELSEWHERE", "当事人经营场所", "BC-2024-311", "REC-A1,REC-A2,REC-AX")
			.with(Users.squadLeaderOf(squadA)))
			.andExpect(flash().attribute("flashSuccess", "2024-03-11 的调查询问已登记。"));
		assertThat(inquiries(ordinary, "2024-03-11")).isEqualTo(1);
		assertThat(jdbc.sql("""
				select count(*) from case_inquiry_attendee a join case_inquiry i on i.id = a.inquiry_id
				where i.case_id = ? and i.held_on = ?""").params(ordinary, LocalDate.of(2024, 3, 11))
			.query(Long.class).single()).isEqualTo(3);
		assertThat(page(ordinary, Users.legalSection())).contains("BC-2024-311", "当事人经营场所", "记录辅（REC-AX）");
		assertThat(audits("CASE_INQUIRY_RECORDED", "REC-O %")).isGreaterThanOrEqualTo(1);
	}

	@Test
	void r51_anInquiryInTheRoomWithTwoFormalOfficersIsRecorded() throws Exception {
		mvc.perform(inquiry(ordinary, "2024-03-12", "ROOM", null, null, "REC-A1 REC-A2").with(Users.officer(a1, squadA)))
			.andExpect(flash().attribute("flashSuccess", "2024-03-12 的调查询问已登记。"));
		assertThat(jdbc.sql("select in_inquiry_room from case_inquiry where case_id = ? and held_on = ?")
			.params(ordinary, LocalDate.of(2024, 3, 12)).query(Boolean.class).single()).isTrue();
	}

	@Test
	void r11_anInquiryWithFewerThanTwoFormalOfficersOrAnUnknownEmployeeIsRefused() throws Exception {
		mvc.perform(inquiry(ordinary, "2024-03-13", "ROOM", null, null, "REC-A1").with(Users.legalSection()))
			.andExpect(flash().attribute("flashError", containsString("至少 2 名正式执法人员进行，在场人员中只有 1 名（实施方案 四（二）")));
		mvc.perform(inquiry(ordinary, "2024-03-13", "ROOM", null, null, "REC-A1 NOBODY-9").with(Users.legalSection()))
			.andExpect(flash().attribute("flashError", "在场人员：找不到工号为 NOBODY-9 的人员"));
		mvc.perform(inquiry(ordinary, "2024-02-13", "ROOM", null, null, "REC-A1 REC-A2").with(Users.legalSection()))
			.andExpect(flash().attribute("flashError", "询问日期 2024-02-13 不能早于立案日期 2024-03-01"));
		mvc.perform(inquiry(ordinary, "2024-3-13", "ROOM", null, null, "REC-A1 REC-A2").with(Users.legalSection()))
			.andExpect(flash().attribute("flashError", containsString("“询问日期”填写有误")));
		assertThat(inquiries(ordinary, "2024-03-13")).isZero();
	}

	@Test
	void r71_beforeTheSquadsStartAnInquiryWithAnAuxiliaryInTheRoomIsRecordedAndNoGap() throws Exception {
		mvc.perform(inquiry(early, "2024-01-05", "ROOM", null, null, "REC-A1 REC-AX").with(Users.squadLeaderOf(squadA)))
			.andExpect(flash().attribute("flashSuccess", "2024-01-05 的调查询问已登记。"));
		assertThat(page(early, Users.squadLeaderOf(squadA))).doesNotContain("data-gap=\"R51_AUXILIARY_IN_ROOM\"");
		mvc.perform(inquiry(early, "2024-01-09", "ROOM", null, null, "REC-A1 REC-A2 REC-AX").with(Users.squadLeaderOf(squadA)))
			.andExpect(flash().attribute("flashError", containsString("记录辅（REC-AX） 不得在调查询问室")));
	}

	// ------------------------------------------------------------------ R-52 disc

	@Test
	void r52_bySettingOnlyOrdinaryCasesNeedADiscOtherwiseEveryConcludedCaseDoesSimpleOnesIncluded() throws Exception {
		// the alternative setting: ordinary cases only (what the system did before the amended R-52)
		settings.set(RuleSetting.DISC_ORDINARY_CASES_ONLY, "true", "test");
		try {
			mvc.perform(disc(simple, "D-1", "2024-03-06", null).with(Users.legalSection()))
				.andExpect(flash().attribute("flashError", containsString("只适用于普通程序和重大疑难案件，案件 REC-S 是简易程序案件（实施方案 四（四））")));
			assertThat(page(simple, Users.legalSection())).contains("本案不需光盘归档").doesNotContain("data-gap=\"R52_NO_DISC\"");
		}
		finally {
			settings.reset(RuleSetting.DISC_ORDINARY_CASES_ONLY);
		}
		// the default: every concluded case, the simple one too, is a gap until its disc is recorded
		assertThat(page(simple, Users.legalSection())).contains("data-gap=\"R52_NO_DISC\"").doesNotContain("本案不需光盘归档");
		mvc.perform(disc(simple, "GP-2024-S01", "2024-03-06", null).with(Users.legalOfficerOf(squadA)))
			.andExpect(flash().attribute("flashSuccess", "光盘 GP-2024-S01 的归档记录已保存。"));
		assertThat(page(simple, Users.legalSection())).contains("已刻录光盘 GP-2024-S01，归档日期 2024-03-06。")
			.doesNotContain("data-gap=\"R52_NO_DISC\"");
	}

	@Test
	void r52_aConcludedCaseIsArchivedOnDiscNotBeforeItsConclusion() throws Exception {
		mvc.perform(disc(open, "D-1", "2024-03-06", null).with(Users.legalSection()))
			.andExpect(flash().attribute("flashError", "案件 REC-OPEN 尚未办结，办结后再刻录光盘归档（一案一档）"));
		mvc.perform(disc(ordinary, "D-1", "2024-04-09", null).with(Users.legalSection()))
			.andExpect(flash().attribute("flashError", "归档日期 2024-04-09 不能早于办结日期 2024-04-10"));
		assertThat(page(ordinary, Users.legalSection())).contains("data-gap=\"R52_NO_DISC\"");

		mvc.perform(disc(ordinary, "GP-2024-041", "2024-04-15", null).with(Users.legalOfficerOf(squadA)))
			.andExpect(flash().attribute("flashSuccess", "光盘 GP-2024-041 的归档记录已保存。"));
		assertThat(page(ordinary, Users.legalSection())).contains("已刻录光盘 GP-2024-041，归档日期 2024-04-15。")
			.doesNotContain("data-gap=\"R52_NO_DISC\"");

		// two people opened the form at version 0; the second save is stale
		mvc.perform(disc(ordinary, "GP-2024-042", "2024-04-16", "0").with(Users.legalSection()))
			.andExpect(flash().attribute("flashSuccess", containsString("GP-2024-042")));
		mvc.perform(disc(ordinary, "GP-2024-043", "2024-04-17", "0").with(Users.squadLeaderOf(squadA)))
			.andExpect(flash().attribute("flashError", "该记录已被他人修改或删除，请刷新页面后重新填写。"));
		assertThat(jdbc.sql("select disc_no from case_disc_archive where case_id = ?").param(ordinary)
			.query(String.class).single()).isEqualTo("GP-2024-042");
		assertThat(audits("CASE_DISC_ARCHIVED", "REC-O %")).isEqualTo(1);
		assertThat(audits("CASE_DISC_CHANGED", "REC-O %")).isEqualTo(1);
	}

	// ------------------------------------------------------------------ who may record

	@Test
	void anotherSquadCannotSeeNorRecordOnTheCase() throws Exception {
		mvc.perform(get("/cases/" + simple + "/recording").with(Users.squadLeaderOf(squadB)))
			.andExpect(status().isNotFound());
		mvc.perform(video(simple, "V-X").with(Users.squadLeaderOf(squadB))).andExpect(status().isNotFound());
		mvc.perform(video(simple, "V-X").with(Users.legalOfficerOf(squadB))).andExpect(status().isNotFound());
		mvc.perform(disc(ordinary, "D-X", "2024-04-15", null).with(Users.squadLeaderOf(squadB)))
			.andExpect(status().isNotFound());
		mvc.perform(video(simple, "V-X").with(Users.officer(b1, squadB))).andExpect(status().isNotFound());
		assertThat(jdbc.sql("select count(*) from case_video where video_no = 'V-X'").query(Long.class).single()).isZero();
	}

	@Test
	void anOfficerRecordsOnlyOnHisOwnCases() throws Exception {
		mvc.perform(get("/cases/" + open + "/recording").with(Users.officer(a3, squadA))).andExpect(status().isNotFound());
		mvc.perform(video(open, "V-A3").with(Users.officer(a3, squadA))).andExpect(status().isNotFound());
		mvc.perform(video(open, "V-A1").with(Users.officer(a1, squadA)))
			.andExpect(flash().attribute("flashSuccess", containsString("V-A1")));
		assertThat(page(open, Users.officer(a1, squadA))).contains("id=\"video-form\"", "data-video=\"V-A1\"");
	}

	@Test
	void supervisionAndLeadersReadButDoNotRecord() throws Exception {
		String page = page(ordinary, Users.supervision());
		assertThat(page).contains("调查询问（任务清单第12项）").doesNotContain("id=\"video-form\"", "id=\"inquiry-form\"",
				"id=\"disc-form\"");
		mvc.perform(video(ordinary, "V-S").with(Users.supervision())).andExpect(status().isForbidden());
		mvc.perform(video(ordinary, "V-L").with(Users.leader())).andExpect(status().isForbidden());
		mvc.perform(get("/cases/" + ordinary + "/recording").with(Users.admin())).andExpect(status().isForbidden());
		mvc.perform(get("/cases/999999/recording").with(Users.legalSection())).andExpect(status().isNotFound());
	}

	@Test
	void theCasePageLinksToTheCasesRecording() throws Exception {
		String page = mvc.perform(get("/cases/" + simple).with(Users.squadLeaderOf(squadA))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("href=\"/cases/" + simple + "/recording\"");
	}

	// ------------------------------------------------------------------ helpers

	private String page(long caseId, RequestPostProcessor user) throws Exception {
		return html(mvc.perform(get("/cases/" + caseId + "/recording").with(user)));
	}

	private static MockHttpServletRequestBuilder video(long caseId, String no) {
		return post("/cases/" + caseId + "/recording/videos").with(csrf()).param("videoNo", no)
			.param("videoKind", "BODY_CAMERA").param("stage", "WHOLE_PROCESS");
	}

	private static MockHttpServletRequestBuilder inquiry(long caseId, String heldOn, String where, String place,
			String camera, String present) {
		MockHttpServletRequestBuilder b = post("/cases/" + caseId + "/recording/inquiries").with(csrf())
			.param("heldOn", heldOn).param("where", where).param("present", present);
		if (place != null) {
			b.param("place", place);
		}
		if (camera != null) {
			b.param("bodyCameraNo", camera);
		}
		return b;
	}

	private static MockHttpServletRequestBuilder disc(long caseId, String no, String on, String version) {
		MockHttpServletRequestBuilder b = post("/cases/" + caseId + "/recording/disc").with(csrf()).param("discNo", no)
			.param("archivedOn", on);
		if (version != null) {
			b.param("version", version);
		}
		return b;
	}

	private long inquiries(long caseId, String heldOn) {
		return jdbc.sql("select count(*) from case_inquiry where case_id = ? and held_on = ?")
			.params(caseId, LocalDate.parse(heldOn)).query(Long.class).single();
	}

	private long audits(String action, String keyLike) {
		return jdbc.sql("select count(*) from audit_log where action = ? and entity_key like ?").params(action, keyLike)
			.query(Long.class).single();
	}

	private static String html(ResultActions result) throws Exception {
		return result.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
