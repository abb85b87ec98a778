package cn.wucheng.cq.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

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

import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.TestClock;
import cn.wucheng.cq.support.Users;

/**
 * R-41, issue 13 item 9: 法制科 returns (退回) a submitted monthly list with a required reason; the list goes back to
 * draft (reviews can be corrected again), the return is audited and shown on the list with its reason, the squad's
 * leader and legal officer get a message; once corrected, signed and submitted again, its lateness is judged by the
 * first submission (until then it counts as not submitted).
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(properties = "cq.test.context=casework")
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewListReturnTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	CaseworkFixture squad;

	CaseworkFixture other;

	long leaderAccount;

	long legalOfficerAccount;

	long otherLeaderAccount;

	@BeforeAll
	void squads() {
		squad = new CaseworkFixture(jdbc, "RT", "退回一中队", "直属中队", true);
		other = new CaseworkFixture(jdbc, "RU", "退回二中队", "直属中队", true);
		squad.simpleCase("RT-2043-1", LocalDate.of(2043, 3, 3));
		leaderAccount = account("rt-leader", "SQUAD_LEADER", squad.unit);
		legalOfficerAccount = account("rt-legal-officer", "LEGAL_OFFICER", squad.unit);
		otherLeaderAccount = account("ru-leader", "SQUAD_LEADER", other.unit);
	}

	@Test
	void r41_theLegalSectionReturnsASubmittedListWithAReasonAndTheCorrectedListStaysOnTimeByItsFirstSubmission()
			throws Exception {
		String list = "/casework/squads/" + squad.unit + "/lists/2043-03";
		long caseId = squad.caseId("RT-2043-1");
		clock.setToday(LocalDate.of(2043, 3, 3));
		mvc.perform(post("/casework/cases/" + caseId + "/review").with(Users.legalOfficerOf(squad.unit)).with(csrf())
			.param("subjectOk", "true").param("partyOk", "true").param("evidenceOk", "true").param("lawOk", "true")
			.param("recordOk", "true")).andExpect(flash().attributeExists("flashSuccess"));
		// a draft list cannot be returned
		clock.setToday(LocalDate.of(2043, 4, 8));
		mvc.perform(post(list + "/sign").with(Users.squadLeaderOf(squad.unit)).with(csrf()).param("confirmed", "true"))
			.andExpect(flash().attribute("flashSuccess", "审核清单已签字。"));
		mvc.perform(post(list + "/return").with(Users.legalSection()).with(csrf()).param("version", version())
			.param("reason", "QA")).andExpect(flash().attribute("flashError", "只能退回已报送法制科的审核清单。"));
		mvc.perform(post(list + "/submit").with(Users.squadLeaderOf(squad.unit)).with(csrf()).param("confirmed", "true").param("version", version()))
			.andExpect(flash().attribute("flashSuccess", "审核清单已报送法制科。"));
		// only 法制科, and with a reason
		mvc.perform(post(list + "/return").with(Users.squadLeaderOf(squad.unit)).with(csrf()).param("version", version())
			.param("reason", "x")).andExpect(status().isForbidden());
		mvc.perform(post(list + "/return").with(Users.supervision()).with(csrf()).param("version", version())
			.param("reason", "x")).andExpect(status().isForbidden());
		clock.setToday(LocalDate.of(2043, 4, 20));
		mvc.perform(post(list + "/return").with(Users.legalSection()).with(csrf()).param("version", version())
			.param("reason", "  ")).andExpect(flash().attribute("flashError", "请填写退回原因，写明需要中队更正的内容。"));
		assertThat(listStatus()).isEqualTo("SUBMITTED");
		String page = html(mvc.perform(get(list).with(Users.legalSection())));
		assertThat(page).contains("id=\"list-return\"", "退回中队");
		mvc.perform(post(list + "/return").with(Users.legalSection()).with(csrf()).param("version", version())
			.param("reason", "RT-2043-1 视频编号漏填"))
			.andExpect(flash().attribute("flashSuccess", "审核清单已退回中队，中队长和法制员已收到站内消息。"));
		assertThat(listStatus()).isEqualTo("DRAFT");
		assertThat(squad.audits("REVIEW_LIST_RETURNED", "退回一中队 2043-03")).isEqualTo(1);
		String text = "退回一中队 2043年3月简易案件审核清单（附件2）被法制科退回，原因：RT-2043-1 视频编号漏填。请更正后由中队长重新签字、报送。";
		assertThat(texts(leaderAccount)).containsExactly(text);
		assertThat(texts(legalOfficerAccount)).containsExactly(text);
		assertThat(texts(otherLeaderAccount)).isEmpty();
		assertThat(jdbc.sql("select link from message where recipient_id = ?").param(leaderAccount).query(String.class)
			.single()).isEqualTo(list);
		// the list shows the return with its reason; 法制科's overview flags it and, past the 15th, as not submitted
		page = html(mvc.perform(get(list).with(Users.squadLeaderOf(squad.unit))));
		assertThat(page).contains("id=\"list-returned\"", "RT-2043-1 视频编号漏填", "按首次报送日期 2043-04-08 认定")
			.doesNotContain("id=\"list-return\"").contains("中队长签字").doesNotContain("??");
		String overview = html(mvc.perform(get("/casework/lists?month=2043-03").with(Users.legalSection())));
		String row = row(overview, "退回一中队");
		assertThat(row).contains("data-returned", "data-deadline-status=\"MISSING\"");
		// the squad corrects the review (a signed list would refuse it), signs and submits again: on time by the first
		int rv = jdbc.sql("select version from simple_review where case_id = ?").param(caseId).query(Integer.class).single();
		mvc.perform(post("/casework/cases/" + caseId + "/review").with(Users.legalOfficerOf(squad.unit)).with(csrf())
			.param("subjectOk", "true").param("partyOk", "true").param("evidenceOk", "true").param("lawOk", "true")
			.param("recordOk", "true").param("videoNo", "V-RT-1").param("version", Integer.toString(rv)))
			.andExpect(flash().attributeExists("flashSuccess"));
		clock.setToday(LocalDate.of(2043, 4, 21));
		mvc.perform(post(list + "/sign").with(Users.squadLeaderOf(squad.unit)).with(csrf()).param("confirmed", "true").param("version", version()))
			.andExpect(flash().attribute("flashSuccess", "审核清单已签字。"));
		mvc.perform(post(list + "/submit").with(Users.squadLeaderOf(squad.unit)).with(csrf()).param("confirmed", "true").param("version", version()))
			.andExpect(flash().attribute("flashSuccess", "审核清单已报送法制科。"));
		overview = html(mvc.perform(get("/casework/lists?month=2043-03").with(Users.legalSection())));
		assertThat(row(overview, "退回一中队")).contains("data-deadline-status=\"ON_TIME\"").doesNotContain("data-returned");
		assertThat(html(mvc.perform(get(list).with(Users.legalSection())))).contains("已更正并重新报送");
	}

	@Test
	void r41_aSquadLeaderOfAnotherSquadCannotSeeTheReturnAndAMissingListCannotBeReturned() throws Exception {
		mvc.perform(post("/casework/squads/" + other.unit + "/lists/2043-01/return").with(Users.legalSection())
			.with(csrf()).param("reason", "x"))
			.andExpect(flash().attribute("flashError", "只能退回已报送法制科的审核清单。"));
		mvc.perform(get("/casework/squads/" + squad.unit + "/lists/2043-03").with(Users.squadLeaderOf(other.unit)))
			.andExpect(status().isNotFound());
	}

	private String version() {
		return jdbc.sql("select version from review_list where unit_id = ?").param(squad.unit).query(String.class).single();
	}

	private String listStatus() {
		return jdbc.sql("select status from review_list where unit_id = ?").param(squad.unit).query(String.class).single();
	}

	private List<String> texts(long account) {
		return jdbc.sql("select text from message where recipient_id = ? and kind = 'RETURNED' order by id")
			.param(account).query(String.class).list();
	}

	private long account(String username, String role, long unitId) {
		jdbc.sql("""
				insert into app_user (username, password_hash, display_name, role, unit_id, created_at)
				values (?, 'x', ?, ?, ?, now())""").params(username, username, role, unitId).update();
		return jdbc.sql("select id from app_user where username = ?").param(username).query(Long.class).single();
	}

	private static String row(String page, String unitName) {
		int at = page.indexOf("data-unit=\"" + unitName + "\"");
		assertThat(at).as(unitName).isPositive();
		return page.substring(at, page.indexOf("</tr>", at));
	}

	private static String html(ResultActions result) throws Exception {
		return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
