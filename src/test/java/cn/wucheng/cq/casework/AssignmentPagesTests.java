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
 * 中队长指派制 through the pages: the squad leader registers a case with two formal officers of his squad,
 * every illegal assignment is refused with a message naming the field, a re-assignment needs a reason and is kept in
 * the history, the deputy reviews the cases the leader handles, and nobody acts outside his squad or role.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(properties = "cq.test.context=casework")
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssignmentPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	CaseworkFixture squad;

	CaseworkFixture other;

	CaseworkFixture noDeputy;

	@BeforeAll
	void squads() {
		squad = new CaseworkFixture(jdbc, "ZP", "指派一中队", "直属中队", true);
		other = new CaseworkFixture(jdbc, "ZQ", "指派二中队", "直属中队", true);
		noDeputy = new CaseworkFixture(jdbc, "ZR", "指派三中队", "一类中队", false);
	}

	@Test
	void r11_theRegistrationFormOffersOnlyTheSquadsFormalOfficersAsHandlers() throws Exception {
		String page = html(mvc.perform(get("/casework/squads/" + squad.unit + "/cases/new")
			.with(Users.squadLeaderOf(squad.unit))));
		String lead = page.substring(page.indexOf("id=\"leadId\""), page.indexOf("</select>", page.indexOf("id=\"leadId\"")));
		assertThat(lead).contains("ZP甲", "ZP乙", "ZP队长", "ZP副队长").doesNotContain("ZP辅一", "ZQ甲");
		assertThat(page).doesNotContain("??");
	}

	@Test
	void r11_aSquadLeaderRegistersACaseAndAssignsTwoFormalOfficersAuditedAndRecorded() throws Exception {
		clock.setToday(LocalDate.of(2024, 3, 4));
		mvc.perform(register(squad, "ZP-2024-001", squad.a, squad.b).param("videoNo", "V-001"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flashSuccess", "案件 ZP-2024-001 已登记，承办人已指派。"));
		long id = squad.caseId("ZP-2024-001");
		assertThat(jdbc.sql("select lead_id from case_file where id = ?").param(id).query(Long.class).single())
			.isEqualTo(squad.a);
		assertThat(jdbc.sql("select concluded_on from case_file where id = ?").param(id).query(LocalDate.class)
			.single()).as("R-14: a simple case concludes on its decision day").isEqualTo(LocalDate.of(2024, 3, 4));
		assertThat(jdbc.sql("select count(*) from case_assignment where case_id = ?").param(id).query(Long.class)
			.single()).isEqualTo(1);
		assertThat(squad.audits("CASE_REGISTERED", "ZP-2024-001")).isEqualTo(1);
		String page = html(mvc.perform(get("/casework/cases/" + id).with(Users.supervision())));
		assertThat(page).contains("首次指派：主办 ZP甲，协办 ZP乙", "中队长未承办本案").doesNotContain("??");
	}

	@Test
	void r11_anAuxiliaryTheSamePersonTwiceAMissingCoHandlerAndAnotherSquadsOfficerAreEachRefusedNamingTheField()
			throws Exception {
		assertRefused(register(squad, "ZP-BAD-1", squad.a, squad.aux1),
				"协办人（第二承办人）：ZP辅一 是辅助人员，辅助人员不得作为案件承办人（实施方案 四（二））");
		assertRefused(register(squad, "ZP-BAD-2", squad.a, squad.a),
				"协办人（第二承办人）：不能与主办人是同一人，须为两名不同的正式执法人员（任务清单第5项）");
		assertRefused(register(squad, "ZP-BAD-3", squad.a, null),
				"协办人（第二承办人）：每起案件须有两名承办人，请选择协办人（任务清单第5项：中队长指派两名正式执法人员）");
		assertRefused(register(squad, "ZP-BAD-4", other.a, squad.b),
				"主办人（第一承办人）：ZQ甲 不是本中队人员，只能指派本中队的正式执法人员");
		assertThat(jdbc.sql("select count(*) from case_file where case_no like 'ZP-BAD-%'").query(Long.class).single())
			.isZero();
	}

	@Test
	void r11_aRoadsideCaseRecordsAuxiliariesPresentAtTheDiscoveryButAnotherCaseMayNot() throws Exception {
		mvc.perform(register(squad, "ZP-ROAD-1", squad.a, squad.c).param("source", "路面查处")
			.param("discoveryStaff", Long.toString(squad.aux1), Long.toString(squad.aux2)))
			.andExpect(status().is3xxRedirection());
		long id = squad.caseId("ZP-ROAD-1");
		assertThat(html(mvc.perform(get("/casework/cases/" + id).with(Users.squadLeaderOf(squad.unit)))))
			.contains("ZP辅一、ZP辅二");
		assertRefused(register(squad, "ZP-ROAD-2", squad.a, squad.c).param("source", "巡查发现")
			.param("discoveryStaff", Long.toString(squad.aux1)),
				"查处时在场的辅助人员：只有案件来源为“路面查处”的案件可以登记在场的辅助人员（实施方案 四（二）：路面查处除外）");
	}

	@Test
	void r11_aReassignmentNeedsAReasonAndIsShownInTheHistory() throws Exception {
		long id = squad.bureau.caseIn("ZP-RE-1", "普通程序", "市容环境卫生", squad.unit, squad.a, squad.b,
				LocalDate.of(2024, 3, 1), null);
		String noReason = html(mvc.perform(reassign(squad, id, squad.a, squad.c, "  ", squad.version(id))));
		assertThat(noReason).contains("变更原因：重新指派承办人须填写变更原因");
		mvc.perform(reassign(squad, id, squad.a, squad.c, "乙调岗", squad.version(id)))
			.andExpect(flash().attribute("flashSuccess", "案件 ZP-RE-1 的指派已保存。"));
		assertThat(jdbc.sql("select co_id from case_file where id = ?").param(id).query(Long.class).single())
			.isEqualTo(squad.c);
		String page = html(mvc.perform(get("/casework/cases/" + id).with(Users.legalSection())));
		assertThat(page).contains("由 主办 ZP甲、协办 ZP乙 改为 主办 ZP甲、协办 ZP丙", "乙调岗");
		assertThat(squad.audits("CASE_REASSIGNED", "ZP-RE-1")).isEqualTo(1);
		assertThat(html(mvc.perform(get("/casework/squads/" + squad.unit + "?quarter=2024-Q1")
			.with(Users.squadLeaderOf(squad.unit))))).contains("已改派");
	}

	@Test
	void r11_anImportedCaseWithAnAuxiliaryHandlerIsReassignedToTwoFormalOfficers() throws Exception {
		long id = squad.bureau.caseIn("ZP-IMP-1", "简易程序", "市容环境卫生", squad.unit, squad.a, squad.aux1,
				LocalDate.of(2024, 3, 5), LocalDate.of(2024, 3, 5));
		assertThat(html(mvc.perform(get("/casework/cases/" + id).with(Users.squadLeaderOf(squad.unit)))))
			.contains("辅助人员承办（任务清单第5项）", "没有在本系统中指派过");
		mvc.perform(reassign(squad, id, squad.a, squad.b, "纠正导入数据：辅助人员不得承办", squad.version(id)))
			.andExpect(flash().attributeExists("flashSuccess"));
		assertThat(jdbc.sql("select co_id from case_file where id = ?").param(id).query(Long.class).single())
			.isEqualTo(squad.b);
	}

	@Test
	void r12_whenTheSquadLeaderHandlesACaseTheDeputyBecomesItsReviewerStoredAndShown() throws Exception {
		mvc.perform(register(squad, "ZP-R12-1", squad.leader, squad.a)).andExpect(status().is3xxRedirection());
		long id = squad.caseId("ZP-R12-1");
		assertThat(jdbc.sql("select reviewer_id from case_assignment where case_id = ?").param(id).query(Long.class)
			.single()).isEqualTo(squad.deputy);
		assertThat(html(mvc.perform(get("/casework/cases/" + id).with(Users.leader()))))
			.contains("副中队长 ZP副队长（中队长承办本案，由副中队长作为中队案件审核人）");
	}

	@Test
	void r12_aSquadWithoutADeputySaysSoWhenItsLeaderHandlesACase() throws Exception {
		mvc.perform(register(noDeputy, "ZR-R12-1", noDeputy.a, noDeputy.leader)).andExpect(status().is3xxRedirection());
		long id = noDeputy.caseId("ZR-R12-1");
		assertThat(jdbc.sql("select reviewer_needed from case_assignment where case_id = ?").param(id)
			.query(Boolean.class).single()).isTrue();
		assertThat(html(mvc.perform(get("/casework/cases/" + id).with(Users.squadLeaderOf(noDeputy.unit)))))
			.contains("本中队没有副中队长");
	}

	@Test
	void aSquadLeaderCannotSeeOrAssignAnotherSquadsCaseAndOtherRolesMayNotAssign() throws Exception {
		long id = other.bureau.caseIn("ZQ-SC-1", "普通程序", "市容环境卫生", other.unit, other.a, other.b,
				LocalDate.of(2024, 3, 1), null);
		mvc.perform(get("/casework/cases/" + id).with(Users.squadLeaderOf(squad.unit))).andExpect(status().isNotFound());
		mvc.perform(reassign(squad, id, other.a, other.c, "越权", other.version(id))).andExpect(status().isNotFound());
		mvc.perform(get("/casework/squads/" + other.unit + "/cases/new").with(Users.squadLeaderOf(squad.unit)))
			.andExpect(status().isNotFound());
		mvc.perform(register(other, "ZQ-SC-2", other.a, other.b).with(Users.squadLeaderOf(squad.unit)))
			.andExpect(status().isNotFound());
		mvc.perform(post("/casework/cases/" + id + "/assignment").with(Users.legalOfficerOf(other.unit)).with(csrf())
			.param("leadId", Long.toString(other.a)).param("coId", Long.toString(other.c)).param("reason", "x")
			.param("version", "0")).andExpect(status().isForbidden());
		mvc.perform(get("/casework/cases/" + id).with(Users.officer(other.a, other.unit)))
			.andExpect(status().isForbidden());
		assertThat(jdbc.sql("select co_id from case_file where id = ?").param(id).query(Long.class).single())
			.isEqualTo(other.b);
	}

	@Test
	void aStaleAssignmentIsRefusedInsteadOfOverwritingAnotherChange() throws Exception {
		long id = squad.bureau.caseIn("ZP-ST-1", "普通程序", "市容环境卫生", squad.unit, squad.a, squad.b,
				LocalDate.of(2024, 3, 1), null);
		int seen = squad.version(id);
		mvc.perform(reassign(squad, id, squad.a, squad.c, "第一次", seen)).andExpect(flash().attributeExists("flashSuccess"));
		mvc.perform(reassign(squad, id, squad.b, squad.c, "第二次", seen))
			.andExpect(flash().attribute("flashError", "该记录已被他人修改，请刷新页面后重新操作"));
		assertThat(jdbc.sql("select lead_id from case_file where id = ?").param(id).query(Long.class).single())
			.isEqualTo(squad.a);
	}

	private MockHttpServletRequestBuilder register(CaseworkFixture f, String caseNo, Long lead, Long co) {
		MockHttpServletRequestBuilder r = post("/casework/squads/" + f.unit + "/cases").with(Users.squadLeaderOf(f.unit))
			.with(csrf())
			.param("caseNo", caseNo)
			.param("category", "SIMPLE")
			.param("domainId", Long.toString(f.domainId()))
			.param("filedOn", "2024-03-04")
			.param("decisionNo", "婺综执简罚〔2024〕" + caseNo);
		if (lead != null) {
			r.param("leadId", Long.toString(lead));
		}
		if (co != null) {
			r.param("coId", Long.toString(co));
		}
		return r;
	}

	private MockHttpServletRequestBuilder reassign(CaseworkFixture f, long caseId, long lead, long co, String reason,
			int version) {
		return post("/casework/cases/" + caseId + "/assignment").with(Users.squadLeaderOf(f.unit))
			.with(csrf())
			.param("leadId", Long.toString(lead))
			.param("coId", Long.toString(co))
			.param("reason", reason)
			.param("version", Integer.toString(version));
	}

	private void assertRefused(MockHttpServletRequestBuilder request, String message) throws Exception {
		String page = html(mvc.perform(request).andExpect(status().isOk()));
		assertThat(page).contains(message);
	}

	private static String html(ResultActions result) throws Exception {
		return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
