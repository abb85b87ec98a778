package cn.wucheng.cq.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.wucheng.cq.reminders.DueItem;
import cn.wucheng.cq.reminders.DueItemSource;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.security.Role;
import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.TestClock;
import cn.wucheng.cq.support.Users;

/**
 * The second reading of R-12 (the squad reviewer's 规范审核意见 on each case), R-40 (a legal officer never reviews a
 * case he handled; the squad leader reviews it then) and R-41 (a 否 always with a note, shown in the list).
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(properties = "cq.test.context=casework")
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SquadOpinionAndReviewerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	List<DueItemSource> sources;

	CaseworkFixture squad;

	CaseworkFixture other;

	@BeforeAll
	void squads() {
		squad = new CaseworkFixture(jdbc, "YJ", "意见一中队", "直属中队", true);
		other = new CaseworkFixture(jdbc, "YK", "意见二中队", "直属中队", true);
	}

	@Test
	void r12_theSquadLeaderWritesHisOpinionOnACaseDatedAuditedAndShownOnTheCaseTheListAndItsWorkbook()
			throws Exception {
		long id = squad.simpleCase("YJ-1", LocalDate.of(2024, 3, 11));
		clock.setToday(LocalDate.of(2024, 3, 12));
		assertThat(html(mvc.perform(get("/casework/cases/" + id).with(Users.supervision()))))
			.contains("尚未填写（审核人：YJ队长）");
		mvc.perform(opinion(id, "文书规范，程序合法。", leader(squad)))
			.andExpect(flash().attribute("flashSuccess", "规范审核意见已保存（审核日期 2024-03-12）。"));
		assertThat(jdbc.sql("select reviewer_id from squad_review_opinion where case_id = ?").param(id)
			.query(Long.class).single()).isEqualTo(squad.leader);
		assertThat(squad.audits("SQUAD_OPINION_WRITTEN", "YJ-1")).isEqualTo(1);
		assertThat(html(mvc.perform(get("/casework/cases/" + id).with(Users.supervision()))))
			.contains("YJ队长，2024-03-12", "文书规范，程序合法。").doesNotContain("id=\"opinion-missing\"");
		assertThat(html(mvc.perform(get("/casework/squads/" + squad.unit + "/lists/2024-03").with(Users.legalSection()))))
			.contains("YJ队长 2024-03-12：文书规范，程序合法。");
		assertThat(listCell("YJ-1", 12)).isEqualTo("YJ队长 2024-03-12：文书规范，程序合法。");
		mvc.perform(opinion(id, "  ", leader(squad)))
			.andExpect(flash().attribute("flashError", "规范审核意见：请填写审核意见"));
	}

	@Test
	void r12_whenTheLeaderHandlesTheCaseOnlyTheDeputyWritesTheOpinionAndTheLeaderIsRefusedInChinese()
			throws Exception {
		long id = squad.bureau.caseIn("YJ-2", "简易程序", "市容环境卫生", squad.unit, squad.leader, squad.a,
				LocalDate.of(2024, 3, 13), LocalDate.of(2024, 3, 13));
		clock.setToday(LocalDate.of(2024, 3, 14));
		mvc.perform(opinion(id, "本人承办", leader(squad)))
			.andExpect(flash().attribute("flashError", "案件 YJ-2 的中队审核人是 YJ副队长，只有审核人本人可以填写规范审核意见（任务清单第5项）"));
		mvc.perform(opinion(id, "他人", Users.officer(squad.a, squad.unit))).andExpect(status().isNotFound());
		mvc.perform(opinion(id, "越权", leader(other))).andExpect(status().isNotFound());
		assertThat(jdbc.sql("select count(*) from squad_review_opinion where case_id = ?").param(id)
			.query(Long.class).single()).isZero();
		// the deputy's account is an officer's: he reaches the cases he reviews, and only those
		RequestPostProcessor deputy = Users.as(Role.OFFICER, squad.unit, squad.deputy);
		assertThat(html(mvc.perform(get("/casework/cases/" + id + "/opinion").with(deputy)))).contains("YJ副队长");
		mvc.perform(opinion(id, "副中队长审核：规范。", deputy)).andExpect(flash().attributeExists("flashSuccess"));
		assertThat(jdbc.sql("select reviewer_id from squad_review_opinion where case_id = ?").param(id)
			.query(Long.class).single()).isEqualTo(squad.deputy);
	}

	@Test
	void r12_aConcludedCaseWithoutAnOpinionIsAmongItsReviewersRemindersUntilItIsWritten() throws Exception {
		long done = squad.bureau.caseIn("YJ-R1", "普通程序", "市容环境卫生", squad.unit, squad.b, squad.c,
				LocalDate.of(2024, 4, 1), LocalDate.of(2024, 4, 20));
		squad.bureau.caseIn("YJ-R2", "普通程序", "市容环境卫生", squad.unit, squad.b, squad.c,
				LocalDate.of(2024, 4, 2), null);
		long byLeader = squad.bureau.caseIn("YJ-R3", "普通程序", "市容环境卫生", squad.unit, squad.c, squad.leader,
				LocalDate.of(2024, 4, 3), LocalDate.of(2024, 4, 21));
		clock.setToday(LocalDate.of(2024, 4, 22));
		String mine = html(mvc.perform(get("/casework/opinions").with(leader(squad))));
		assertThat(mine).contains("data-case=\"YJ-R1\"").doesNotContain("data-case=\"YJ-R2\"", "data-case=\"YJ-R3\"");
		String deputys = html(mvc.perform(get("/casework/opinions").with(Users.as(Role.OFFICER, squad.unit, squad.deputy))));
		assertThat(deputys).contains("data-case=\"YJ-R3\"").doesNotContain("data-case=\"YJ-R1\"");
		long before = opinionsDue(squad.leader);
		assertThat(before).isPositive();
		mvc.perform(opinion(done, "规范。", leader(squad))).andExpect(flash().attributeExists("flashSuccess"));
		assertThat(opinionsDue(squad.leader)).isEqualTo(before - 1);
		assertThat(html(mvc.perform(get("/casework/opinions").with(leader(squad))))).doesNotContain("data-case=\"YJ-R1\"");
		assertThat(opinionsDue(squad.deputy)).isPositive();
		assertThat(byLeader).isPositive();
	}

	@Test
	void r40_aLegalOfficerWhoHandledTheCaseIsRefusedAndWarnedAndTheSquadLeaderReviewsItInstead() throws Exception {
		long id = squad.bureau.caseIn("YJ-F1", "简易程序", "市容环境卫生", squad.unit, squad.legalOfficer, squad.a,
				LocalDate.of(2024, 5, 6), LocalDate.of(2024, 5, 6));
		clock.setToday(LocalDate.of(2024, 5, 6));
		RequestPostProcessor lo = Users.as(Role.LEGAL_OFFICER, squad.unit, squad.legalOfficer);
		String page = html(mvc.perform(get("/casework/cases/" + id).with(lo)));
		assertThat(page).contains("id=\"review-refused\"", "您是案件 YJ-F1 的承办人，不能审核本人承办的案件；请由本中队其他法制员或中队长审核（任务清单第8项）")
			.doesNotContain("id=\"review-form\"");
		mvc.perform(review(id, lo, "true", null))
			.andExpect(flash().attribute("flashError", "您是案件 YJ-F1 的承办人，不能审核本人承办的案件；请由本中队其他法制员或中队长审核（任务清单第8项）"));
		assertThat(jdbc.sql("select count(*) from simple_review where case_id = ?").param(id).query(Long.class).single())
			.isZero();
		assertThat(html(mvc.perform(get("/casework/cases/" + id).with(leader(squad))))).contains("id=\"review-form\"");
		mvc.perform(review(id, leader(squad), "true", null)).andExpect(flash().attribute("flashSuccess", "案件 YJ-F1 已审核。"));
		assertThat(jdbc.sql("select reviewer_role from simple_review where case_id = ?").param(id).query(String.class)
			.single()).isEqualTo("SQUAD_LEADER");
		mvc.perform(review(id, leader(other), "true", null)).andExpect(status().isNotFound());
	}

	@Test
	void r41_aNoWithoutANoteIsRefusedAndTheNoteIsShownInTheMonthlyListAndItsWorkbook() throws Exception {
		long id = squad.simpleCase("YJ-N1", LocalDate.of(2024, 6, 3));
		clock.setToday(LocalDate.of(2024, 6, 3));
		String page = html(mvc.perform(review(id, Users.legalOfficerOf(squad.unit), "false", null)).andExpect(status().isOk()));
		assertThat(page).contains("问题说明：审核有“否”项时须写明存在的问题（附件2 审核清单）");
		assertThat(jdbc.sql("select count(*) from simple_review where case_id = ?").param(id).query(Long.class).single())
			.isZero();
		mvc.perform(review(id, Users.legalOfficerOf(squad.unit), "false", "询问笔录缺当事人签名"))
			.andExpect(flash().attributeExists("flashSuccess"));
		assertThat(html(mvc.perform(get("/casework/squads/" + squad.unit + "/lists/2024-06").with(Users.legalSection()))))
			.contains("data-note=\"询问笔录缺当事人签名\"");
		assertThat(listCell("YJ-N1", 11, "2024-06")).isEqualTo("询问笔录缺当事人签名");
		assertThat(html(mvc.perform(get("/casework/cases/" + id).with(Users.supervision())))).contains("询问笔录缺当事人签名");
	}

	private long opinionsDue(long person) {
		LocalDate today = LocalDate.of(2024, 4, 22);
		CurrentUser user = new CurrentUser(1L, "u", "u", person == squad.leader ? Role.SQUAD_LEADER : Role.OFFICER,
				squad.unit, person);
		return sources.stream()
			.<DueItem>flatMap(s -> s.dueFor(user, today).stream())
			.filter(i -> i.messageKey().equals("casework.due.opinions"))
			.mapToLong(i -> Long.parseLong(i.args().get(0).toString()))
			.sum();
	}

	private String listCell(String caseNo, int column) throws Exception {
		return listCell(caseNo, column, "2024-03");
	}

	private String listCell(String caseNo, int column, String month) throws Exception {
		byte[] body = mvc.perform(get("/casework/squads/" + squad.unit + "/lists/" + month + "/xlsx")
			.with(Users.legalSection())).andReturn().getResponse().getContentAsByteArray();
		String decision = jdbc.sql("select decision_no from case_file where case_no = ?").param(caseNo)
			.query(String.class).single();
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(body))) {
			Sheet sheet = wb.getSheetAt(0);
			for (int r = 2; r <= sheet.getLastRowNum(); r++) {
				var row = sheet.getRow(r);
				if (row != null && row.getCell(2) != null && decision != null
						&& decision.equals(row.getCell(2).getStringCellValue())) {
					return row.getCell(column).getStringCellValue();
				}
			}
		}
		throw new AssertionError(caseNo + " not in the list of " + month);
	}

	private static RequestPostProcessor leader(CaseworkFixture f) {
		return Users.as(Role.SQUAD_LEADER, f.unit, f.leader);
	}

	private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder opinion(long caseId,
			String text, RequestPostProcessor user) {
		return post("/casework/cases/" + caseId + "/opinion").with(user).with(csrf()).param("opinion", text);
	}

	private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder review(long caseId,
			RequestPostProcessor user, String evidenceOk, String note) {
		var r = post("/casework/cases/" + caseId + "/review").with(user).with(csrf()).param("subjectOk", "true")
			.param("partyOk", "true").param("evidenceOk", evidenceOk).param("lawOk", "true").param("recordOk", "true");
		if (note != null) {
			r.param("note", note);
		}
		return r;
	}

	private static String html(ResultActions result) throws Exception {
		return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
