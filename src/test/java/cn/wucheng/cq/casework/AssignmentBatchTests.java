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

import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.TestClock;
import cn.wucheng.cq.support.Users;

/**
 * Issue 13 item 5: the squad leader assigns the day's new cases (中队长指派制, R-11) without a page per case — one row
 * in place, or several rows with one 主办/协办 pair. Each case is assigned through the domain method, audited, refused
 * by R-11 with nothing written while the others are assigned; another squad's case is refused; with and without htmx.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(properties = "cq.test.context=casework")
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssignmentBatchTests {

	static final LocalDate DAY = LocalDate.of(2024, 7, 2);

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
		squad = new CaseworkFixture(jdbc, "PZ", "批派一中队", "直属中队", true);
		other = new CaseworkFixture(jdbc, "PY", "批派二中队", "直属中队", true);
	}

	/** A case as the platform pushes it: handlers recorded, never assigned by the squad leader. */
	long arrived(CaseworkFixture f, String caseNo) {
		return f.bureau.caseIn(caseNo, "普通程序", "市容环境卫生", f.unit, f.a, f.b, DAY, null);
	}

	@Test
	void r11_aRowIsAssignedInPlaceAuditedAndKeptInTheHistoryWithThePlatformsHandlersAsPrevious() throws Exception {
		long id = arrived(squad, "PZ-1");
		long leadAccount = officerAccount("pz-c", squad.c);
		clock.setToday(DAY);
		String row = html(mvc.perform(one(squad, id, squad.c, squad.a).header("HX-Request", "true"))
			.andExpect(status().isOk()));
		assertThat(row.strip()).startsWith("<tr").doesNotContain("<nav").contains("已指派：主办 PZ丙，协办 PZ甲");
		assertThat(lead(id)).isEqualTo(squad.c);
		assertThat(jdbc.sql("select previous_lead_id from case_assignment where case_id = ?").param(id)
			.query(Long.class).single()).isEqualTo(squad.a);
		assertThat(squad.audits("CASE_ASSIGNED", "PZ-1")).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from message where recipient_id = ? and kind = 'CASE_ASSIGNED'")
			.param(leadAccount).query(Long.class).single())
			.as("站内消息: the squad leader's first assignment reaches the new lead handler").isEqualTo(1);
		mvc.perform(one(squad, id, squad.b, squad.a)).andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flashError",
					"案件 PZ-1：案件 PZ-1 已由中队长指派；如需变更承办人，请在案件页重新指派并填写变更原因"));
		assertThat(lead(id)).as("a second first assignment is refused").isEqualTo(squad.c);
	}

	@Test
	void r11_anAuxiliaryAsHandlerIsRefusedInTheRowAndNothingIsWritten() throws Exception {
		long id = arrived(squad, "PZ-2");
		clock.setToday(DAY);
		String row = html(mvc.perform(one(squad, id, squad.a, squad.aux1).header("HX-Request", "true"))
			.andExpect(status().isOk()));
		assertThat(row).contains("table-danger", "协办人（第二承办人）：PZ辅一 是辅助人员，辅助人员不得作为案件承办人（实施方案 四（二））");
		assertThat(assignments(id)).isZero();
		assertThat(squad.audits("CASE_ASSIGNED", "PZ-2")).isZero();
		assertThat(jdbc.sql("select co_id from case_file where id = ?").param(id).query(Long.class).single())
			.isEqualTo(squad.b);
	}

	@Test
	void r11_withoutScriptARowPostsAndComesBackByRedirectWithItsMessage() throws Exception {
		long id = arrived(squad, "PZ-3");
		clock.setToday(DAY);
		mvc.perform(one(squad, id, squad.a, squad.b))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flashSuccess", "案件 PZ-3：已指派"));
		assertThat(assignments(id)).isEqualTo(1);
		assertThat(jdbc.sql("select previous_lead_id from case_assignment where case_id = ?").param(id)
			.query(Long.class).optional()).as("the same handlers: nothing changed, no previous ones").isEmpty();
	}

	@Test
	void r11_severalRowsWithOnePairAreEachAssignedAndAuditedAndAnAlreadyAssignedOneIsRefusedInPlace()
			throws Exception {
		long x = arrived(squad, "PZ-B1");
		long y = arrived(squad, "PZ-B2");
		long done = arrived(squad, "PZ-B3");
		clock.setToday(DAY);
		mvc.perform(one(squad, done, squad.a, squad.b)).andExpect(status().is3xxRedirection());
		MockHttpServletRequestBuilder r = post("/casework/squads/" + squad.unit + "/assignments")
			.with(Users.squadLeaderOf(squad.unit)).with(csrf()).header("HX-Request", "true")
			.param("span", "RANGE").param("from", "2024-07-01").param("to", "2024-07-31")
			.param("leadId", Long.toString(squad.b)).param("coId", Long.toString(squad.c))
			.param("selected", Long.toString(x), Long.toString(y), Long.toString(done));
		for (long id : new long[] { x, y, done }) {
			r.param("versions[" + id + "]", Integer.toString(squad.version(id)));
		}
		String html = html(mvc.perform(r).andExpect(status().isOk()));
		assertThat(html).doesNotContain("<nav").contains("id=\"assign-batch\"",
				"已指派 2 起案件；1 起未指派，原因见表中标红的行。",
				"案件 PZ-B3 已由中队长指派；如需变更承办人，请在案件页重新指派并填写变更原因");
		assertThat(lead(x)).isEqualTo(squad.b);
		assertThat(lead(y)).isEqualTo(squad.b);
		assertThat(lead(done)).isEqualTo(squad.a);
		assertThat(squad.audits("CASE_ASSIGNED", "PZ-B1")).isEqualTo(1);
		assertThat(squad.audits("CASE_ASSIGNED", "PZ-B2")).isEqualTo(1);
		assertThat(squad.audits("CASE_ASSIGNED", "PZ-B3")).isEqualTo(1);
	}

	@Test
	void aCaseOfAnotherSquadRefusesTheBatchAndNothingIsWritten() throws Exception {
		long own = arrived(squad, "PZ-X1");
		long foreign = arrived(other, "PY-X1");
		clock.setToday(DAY);
		mvc.perform(post("/casework/squads/" + squad.unit + "/assignments").with(Users.squadLeaderOf(squad.unit))
			.with(csrf()).param("leadId", Long.toString(squad.a)).param("coId", Long.toString(squad.b))
			.param("selected", Long.toString(own), Long.toString(foreign))
			.param("versions[" + own + "]", Integer.toString(squad.version(own))))
			.andExpect(status().isNotFound());
		assertThat(assignments(own)).isZero();
		assertThat(assignments(foreign)).isZero();
		mvc.perform(one(squad, foreign, squad.a, squad.b)).andExpect(status().isNotFound());
		mvc.perform(get("/casework/squads/" + other.unit + "/assignments").with(Users.squadLeaderOf(squad.unit)))
			.andExpect(status().isNotFound());
		assertThat(assignments(foreign)).isZero();
	}

	@Test
	void theListShowsTheDaysUnassignedCasesAsAPageOrAnHtmxFragmentAndOnlyToTheSquadLeader() throws Exception {
		CaseworkFixture f = new CaseworkFixture(jdbc, "PX", "批派三中队", "直属中队", true);
		f.bureau.caseIn("PX-TODAY", "简易程序", "市容环境卫生", f.unit, f.a, f.b, DAY, DAY);
		f.bureau.caseIn("PX-EARLIER", "简易程序", "市容环境卫生", f.unit, f.a, f.b, DAY.minusDays(1), DAY.minusDays(1));
		long assigned = f.bureau.caseIn("PX-DONE", "普通程序", "市容环境卫生", f.unit, f.a, f.b, DAY, null);
		clock.setToday(DAY);
		mvc.perform(one(f, assigned, f.a, f.c)).andExpect(status().is3xxRedirection());
		String page = html(mvc.perform(get("/casework/squads/" + f.unit + "/assignments")
			.with(Users.squadLeaderOf(f.unit))).andExpect(status().isOk()));
		assertThat(page).contains("<nav", "批派三中队 · 指派新案件", "data-case=\"PX-TODAY\"")
			.doesNotContain("data-case=\"PX-EARLIER\"", "data-case=\"PX-DONE\"", "??");
		String lead = page.substring(page.indexOf("name=\"leadId\"", page.indexOf("assign-row-")));
		lead = lead.substring(0, lead.indexOf("</select>"));
		assertThat(lead).as("R-11: the squad's formal officers only").contains("PX甲").doesNotContain("PX辅一", "PZ甲");
		String month = html(mvc.perform(get("/casework/squads/" + f.unit + "/assignments?span=MONTH")
			.with(Users.squadLeaderOf(f.unit)).header("HX-Request", "true")));
		assertThat(month).doesNotContain("<nav").contains("data-case=\"PX-TODAY\"", "data-case=\"PX-EARLIER\"");
		mvc.perform(get("/casework/squads/" + f.unit + "/assignments").with(Users.legalOfficerOf(f.unit)))
			.andExpect(status().isForbidden());
	}

	private MockHttpServletRequestBuilder one(CaseworkFixture f, long caseId, long leadId, long coId) {
		return post("/casework/squads/" + f.unit + "/assignments/" + caseId).with(Users.squadLeaderOf(f.unit))
			.with(csrf())
			.param("leadId", Long.toString(leadId))
			.param("coId", Long.toString(coId))
			.param("version", Integer.toString(jdbc.sql("select version from case_file where id = ?").param(caseId)
				.query(Integer.class).single()));
	}

	private long lead(long caseId) {
		return jdbc.sql("select lead_id from case_file where id = ?").param(caseId).query(Long.class).single();
	}

	private long assignments(long caseId) {
		return jdbc.sql("select count(*) from case_assignment where case_id = ?").param(caseId).query(Long.class)
			.single();
	}

	private static String html(ResultActions result) throws Exception {
		return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private long officerAccount(String username, long personId) {
		jdbc.sql("""
				insert into app_user (username, password_hash, display_name, role, unit_id, person_id, created_at)
				values (?, 'x', ?, 'OFFICER', (select unit_id from person where id = ?), ?, now())""")
			.params(username, username, personId, personId)
			.update();
		return jdbc.sql("select id from app_user where username = ?").param(username).query(Long.class).single();
	}

}
