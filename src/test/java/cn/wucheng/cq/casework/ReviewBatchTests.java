package cn.wucheng.cq.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
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
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.wucheng.cq.security.Role;
import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.TestClock;
import cn.wucheng.cq.support.Users;

/**
 * Issue 13 item 5: the legal officer reviews the day's simple cases in one table. Filled rows are saved
 * together, each through the one-case review and so audited per row; a row the rules refuse keeps its message and
 * nothing of it is written while the others are saved; another squad's case is refused; with and without htmx.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(properties = "cq.test.context=casework")
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewBatchTests {

	static final String[] CHECKS = { "subjectOk", "partyOk", "evidenceOk", "lawOk", "recordOk" };

	static final LocalDate DAY = LocalDate.of(2024, 6, 3);

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	CaseworkFixture squad;

	CaseworkFixture other;

	@BeforeAll
	void squads() {
		squad = new CaseworkFixture(jdbc, "PL", "批审一中队", "直属中队", true);
		other = new CaseworkFixture(jdbc, "PM", "批审二中队", "直属中队", true);
	}

	@Test
	void r40_filledRowsAreSavedTogetherEachAuditedAndAnUntouchedRowIsLeftAlone() throws Exception {
		long one = squad.simpleCase("PL-S-1", DAY);
		long two = squad.simpleCase("PL-S-2", DAY);
		long three = squad.simpleCase("PL-S-3", DAY);
		clock.setToday(DAY);
		MockHttpServletRequestBuilder r = batch(squad);
		row(r, 0, one, true, true, true, true, true).param("rows[0].videoNo", "V-PL-1");
		row(r, 1, two, true, true, true, true, true);
		r.param("rows[2].caseId", Long.toString(three)).param("rows[2].videoNo", "V-PL-3");
		mvc.perform(r)
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flashSuccess", "已保存 2 起案件的审核。"));
		assertThat(reviewed(one)).isTrue();
		assertThat(reviewed(two)).isTrue();
		assertThat(reviewed(three)).as("a row left alone is not a review").isFalse();
		assertThat(squad.audits("SIMPLE_REVIEW_RECORDED", "PL-S-1")).isEqualTo(1);
		assertThat(squad.audits("SIMPLE_REVIEW_RECORDED", "PL-S-2")).isEqualTo(1);
		assertThat(jdbc.sql("select video_no from simple_review where case_id = ?").param(one).query(String.class)
			.single()).isEqualTo("V-PL-1");
	}

	@Test
	void r41_aRowWithANoAndNoNoteIsRefusedInPlaceWhileTheOthersAreSavedAsAnHtmxFragment() throws Exception {
		long good = squad.simpleCase("PL-N-1", DAY);
		long bad = squad.simpleCase("PL-N-2", DAY);
		clock.setToday(DAY);
		MockHttpServletRequestBuilder r = batch(squad).header("HX-Request", "true");
		row(r, 0, good, true, true, true, true, true);
		row(r, 1, bad, true, false, true, true, true).param("rows[1].videoNo", "V-KEEP");
		String html = html(mvc.perform(r).andExpect(status().isOk()));
		assertThat(html).doesNotContain("<html", "<nav").contains("id=\"review-batch\"");
		assertThat(html).contains("问题说明：审核有“否”项时须写明存在的问题（附件2 审核清单）",
				"已保存 1 起案件的审核；1 起未保存，原因见表中标红的行。");
		assertThat(rowOf(html, "PL-N-2")).contains("table-danger", "value=\"V-KEEP\"");
		assertThat(reviewed(good)).isTrue();
		assertThat(reviewed(bad)).as("nothing of a refused row is written").isFalse();
		assertThat(squad.audits("SIMPLE_REVIEW_RECORDED", "PL-N-2")).isZero();
		assertThat(squad.audits("SIMPLE_REVIEW_RECORDED", "PL-N-1")).isEqualTo(1);
	}

	@Test
	void r41_withoutScriptARefusedRowShowsTheWholePageWithItsMessageAndTheNoteMakesItPass() throws Exception {
		long id = squad.simpleCase("PL-P-1", DAY);
		clock.setToday(DAY);
		MockHttpServletRequestBuilder r = batch(squad);
		row(r, 0, id, false, true, true, true, true);
		String html = html(mvc.perform(r).andExpect(status().isOk()));
		assertThat(html).contains("<nav", "问题说明：审核有“否”项时须写明存在的问题（附件2 审核清单）").doesNotContain("??");
		assertThat(reviewed(id)).isFalse();
		MockHttpServletRequestBuilder fixed = batch(squad);
		row(fixed, 0, id, false, true, true, true, true).param("rows[0].note", "执法主体证件过期");
		mvc.perform(fixed).andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("select note from simple_review where case_id = ?").param(id).query(String.class).single())
			.isEqualTo("执法主体证件过期");
	}

	@Test
	void r40_aHalfFilledRowIsRefusedAndNothingOfItIsWritten() throws Exception {
		long id = squad.simpleCase("PL-H-1", DAY);
		clock.setToday(DAY);
		MockHttpServletRequestBuilder r = batch(squad).header("HX-Request", "true");
		r.param("rows[0].caseId", Long.toString(id)).param("rows[0].subjectOk", "true").param("rows[0].lawOk", "true");
		assertThat(rowOf(html(mvc.perform(r).andExpect(status().isOk())), "PL-H-1"))
			.contains("本行五项检查须全部选择“是”或“否”后才能保存；本行未保存");
		assertThat(reviewed(id)).isFalse();
		assertThat(squad.audits("SIMPLE_REVIEW_RECORDED", "PL-H-1")).isZero();
	}

	@Test
	void r40_aRowTheLegalOfficerHandledIsRefusedByTheSameRuleAsTheOneCasePage() throws Exception {
		long id = squad.simpleCase("PL-O-1", DAY);
		clock.setToday(DAY);
		MockHttpServletRequestBuilder r = post("/casework/squads/" + squad.unit + "/reviews/batch")
			.with(Users.as(Role.LEGAL_OFFICER, squad.unit, squad.a)).with(csrf()).header("HX-Request", "true");
		row(r, 0, id, true, true, true, true, true);
		assertThat(html(mvc.perform(r).andExpect(status().isOk())))
			.contains("您是案件 PL-O-1 的承办人，不能审核本人承办的案件；请由本中队其他法制员或中队长审核（任务清单第8项）");
		assertThat(reviewed(id)).isFalse();
	}

	@Test
	void r40_withoutScriptTheRowButtonSavesThatRowAsAllQualified() throws Exception {
		long id = squad.simpleCase("PL-R-1", DAY);
		long untouched = squad.simpleCase("PL-R-2", DAY);
		clock.setToday(DAY);
		mvc.perform(batch(squad).param("allOk", Long.toString(id))
			.param("rows[0].caseId", Long.toString(id))
			.param("rows[1].caseId", Long.toString(untouched)))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("""
				select subject_ok and party_ok and evidence_ok and law_ok and record_ok from simple_review
				where case_id = ?""").param(id).query(Boolean.class).single()).isTrue();
		assertThat(reviewed(untouched)).isFalse();
	}

	@Test
	void aCaseOfAnotherSquadRefusesTheWholeBatchAndNothingIsWritten() throws Exception {
		long own = squad.simpleCase("PL-X-1", DAY);
		long foreign = other.simpleCase("PM-X-1", DAY);
		clock.setToday(DAY);
		MockHttpServletRequestBuilder r = batch(squad);
		row(r, 0, own, true, true, true, true, true);
		row(r, 1, foreign, true, true, true, true, true);
		mvc.perform(r).andExpect(status().isNotFound());
		assertThat(reviewed(own)).isFalse();
		assertThat(reviewed(foreign)).isFalse();
		mvc.perform(get("/casework/squads/" + other.unit + "/reviews/batch").with(Users.legalOfficerOf(squad.unit)))
			.andExpect(status().isNotFound());
		MockHttpServletRequestBuilder theirs = post("/casework/squads/" + other.unit + "/reviews/batch")
			.with(Users.legalOfficerOf(squad.unit)).with(csrf());
		row(theirs, 0, foreign, true, true, true, true, true);
		mvc.perform(theirs).andExpect(status().isNotFound());
		assertThat(reviewed(foreign)).isFalse();
	}

	@Test
	void theTableListsUnreviewedFirstAndServesTheFragmentToHtmxAndThePageOtherwise() throws Exception {
		CaseworkFixture f = new CaseworkFixture(jdbc, "PN", "批审三中队", "直属中队", true);
		long done = f.simpleCase("PN-1", LocalDate.of(2024, 6, 2));
		f.simpleCase("PN-2", LocalDate.of(2024, 6, 5));
		clock.setToday(LocalDate.of(2024, 6, 5));
		MockHttpServletRequestBuilder r = post("/casework/squads/" + f.unit + "/reviews/batch")
			.with(Users.legalOfficerOf(f.unit)).with(csrf());
		row(r, 0, done, true, true, true, true, true);
		mvc.perform(r).andExpect(status().is3xxRedirection());
		String page = html(mvc.perform(get("/casework/squads/" + f.unit + "/reviews/batch?span=MONTH")
			.with(Users.legalOfficerOf(f.unit))));
		assertThat(page).contains("<nav", "批审三中队 · 批量审核简易案件").doesNotContain("??");
		assertThat(page.indexOf("data-case=\"PN-2\"")).as("unreviewed first").isLessThan(page.indexOf("data-case=\"PN-1\""));
		String today = html(mvc.perform(get("/casework/squads/" + f.unit + "/reviews/batch")
			.with(Users.legalOfficerOf(f.unit)).header("HX-Request", "true")));
		assertThat(today).doesNotContain("<nav").contains("data-case=\"PN-2\"").doesNotContain("data-case=\"PN-1\"");
		String range = html(mvc.perform(get("/casework/squads/" + f.unit + "/reviews/batch?span=RANGE&from=2024-06-01&to=2024-06-03")
			.with(Users.legalOfficerOf(f.unit))));
		assertThat(range).contains("data-case=\"PN-1\"").doesNotContain("data-case=\"PN-2\"");
		mvc.perform(get("/casework/squads/" + f.unit + "/reviews/batch").with(Users.supervision()))
			.andExpect(status().isForbidden());
	}

	private MockHttpServletRequestBuilder batch(CaseworkFixture f) {
		return post("/casework/squads/" + f.unit + "/reviews/batch").with(Users.legalOfficerOf(f.unit)).with(csrf());
	}

	private static MockHttpServletRequestBuilder row(MockHttpServletRequestBuilder r, int i, long caseId,
			boolean... checks) {
		r.param("rows[" + i + "].caseId", Long.toString(caseId));
		for (int c = 0; c < CHECKS.length; c++) {
			r.param("rows[" + i + "]." + CHECKS[c], Boolean.toString(checks[c]));
		}
		return r;
	}

	private boolean reviewed(long caseId) {
		return jdbc.sql("select count(*) from simple_review where case_id = ?").param(caseId).query(Long.class)
			.single() > 0;
	}

	/** The table row of one case. */
	private static String rowOf(String html, String caseNo) {
		int start = html.lastIndexOf("<tr", html.indexOf("data-case=\"" + caseNo + "\""));
		return html.substring(start, html.indexOf("</tr>", start));
	}

	private static String html(ResultActions result) throws Exception {
		return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
