package cn.wucheng.cq.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.wucheng.cq.security.Role;
import cn.wucheng.cq.support.Bureau;
import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.TestClock;
import cn.wucheng.cq.support.Users;

/**
 * 账号管理: the system administrator creates, disables, unlocks, resets and opens accounts for officers; the security
 * administrator edits role, unit and person; all audited. (三员分立 in detail: ThreeAdministratorsTests.)
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
class AccountAdminTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	MessageSource messages;

	TestAccounts accounts;

	Bureau bureau;

	@BeforeEach
	void setUp() {
		accounts = new TestAccounts(jdbc, encoder);
		bureau = new Bureau(jdbc);
	}

	@Test
	void onlyTheAdministratorReachesAccountAdministration() throws Exception {
		long someone = accounts.create("adm-target", LoginTests.PASSWORD, Role.LEGAL, false);
		List<RequestPostProcessor> others = List.of(Users.legalSection(), Users.supervision(), Users.leader(),
				Users.squadLeaderOf(1L), Users.legalOfficerOf(1L), Users.officer(1L, 1L),
				Users.as(Role.AUDIT_ADMIN, null, null));
		for (RequestPostProcessor user : others) {
			mvc.perform(get("/admin/users").with(user)).andExpect(status().isForbidden());
			mvc.perform(get("/admin/users/" + someone + "/edit").with(user)).andExpect(status().isForbidden());
			mvc.perform(get("/admin/users/new").with(user)).andExpect(status().isForbidden());
			mvc.perform(post("/admin/users").with(user).with(csrf()).param("username", "x-" + someone))
				.andExpect(status().isForbidden());
			mvc.perform(post("/admin/users/" + someone + "/disable").with(user).with(csrf()).param("confirmed", "true"))
				.andExpect(status().isForbidden());
			mvc.perform(post("/admin/users/" + someone + "/reset-password").with(user).with(csrf()))
				.andExpect(status().isForbidden());
			mvc.perform(post("/admin/users/provision").with(user).with(csrf())).andExpect(status().isForbidden());
		}
		assertThat(jdbc.sql("select enabled from app_user where id = ?").param(someone).query(Boolean.class).single())
			.isTrue();
		mvc.perform(get("/admin/users").param("q", "adm-target").with(Users.admin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("adm-target")));
	}

	@Test
	void theListShowsRolesInChineseAndWhetherAnAccountIsLockedOrMustChange() throws Exception {
		accounts.create("adm-list-locked", LoginTests.PASSWORD, Role.SQUAD_LEADER, true);
		jdbc.sql("update app_user set locked_until = ? where username = 'adm-list-locked'")
			.param(LocalDateTime.now().plusMinutes(10))
			.update();

		String html = mvc.perform(get("/admin/users").param("q", "adm-list-locked").with(Users.admin()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("adm-list-locked", "中队长", "锁定至", "解除锁定").doesNotContain("adm-target");
	}

	@Test
	void aNewAccountGetsAnInitialPasswordShownOnceThatMustBeChangedAtFirstLogin() throws Exception {
		long squad = bureau.unit("账号测试一中队", "一类中队");

		MvcResult result = mvc.perform(post("/admin/users").with(Users.admin())
			.with(csrf())
			.param("username", "adm-new")
			.param("displayName", "王五")
			.param("role", "SQUAD_LEADER")
			.param("unitId", String.valueOf(squad)))
			.andExpect(redirectedUrl("/admin/users"))
			.andExpect(flash().attribute("flashSuccess", "已创建账号 adm-new。"))
			.andReturn();
		AccountService.Issued issued = (AccountService.Issued) result.getFlashMap().get("issued");
		assertThat(issued.username()).isEqualTo("adm-new");

		// shown on the page the redirect leads to, and only there
		mvc.perform(get("/admin/users").with(Users.admin()).flashAttr("issued", issued))
			.andExpect(content().string(containsString(issued.password())));
		mvc.perform(get("/admin/users").with(Users.admin()))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString(issued.password()))));

		Map<String, Object> row = jdbc.sql("select role, unit_id, must_change_password from app_user where username = 'adm-new'")
			.query()
			.singleRow();
		assertThat(row).containsEntry("role", "SQUAD_LEADER").containsEntry("must_change_password", true);
		assertThat(((Number) row.get("unit_id")).longValue()).isEqualTo(squad);

		var session = TestAccounts.signIn(mvc, "adm-new", issued.password());
		mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/account/password"));

		String after = jdbc.sql("select after_data from audit_log where action = 'ACCOUNT_CREATED' and entity_key = 'adm-new'")
			.query(String.class)
			.single();
		assertThat(after).contains("角色=中队长", "单位=账号测试一中队").doesNotContain(issued.password());
	}

	@Test
	void anOfficersAccountIsLinkedToHisPersonAndTakesHisUnit() throws Exception {
		long squad = bureau.unit("账号测试二中队", "二类中队");
		long person = bureau.officer("ADM-P1", "赵六", squad);

		mvc.perform(post("/admin/users").with(Users.admin())
			.with(csrf())
			.param("username", "adm-officer")
			.param("displayName", "赵六")
			.param("role", "OFFICER")
			.param("employeeNo", "ADM-P1")).andExpect(redirectedUrl("/admin/users"));

		Map<String, Object> row = jdbc.sql("select person_id, unit_id from app_user where username = 'adm-officer'")
			.query()
			.singleRow();
		assertThat(((Number) row.get("person_id")).longValue()).isEqualTo(person);
		assertThat(((Number) row.get("unit_id")).longValue()).isEqualTo(squad);
	}

	@Test
	void badInputIsRefusedWithAChineseMessageAtTheField() throws Exception {
		accounts.create("adm-taken", LoginTests.PASSWORD, Role.LEGAL, false);
		long squad = bureau.unit("账号测试三中队", "直属中队");
		long person = bureau.officer("ADM-P2", "钱七", squad);
		accounts.create("adm-linked", LoginTests.PASSWORD, Role.OFFICER, false, squad, person);

		expectRefusal(newAccount("", "甲", "LEGAL"), "请填写用户名。");
		expectRefusal(newAccount("a b", "甲", "LEGAL"), "用户名须为 2–50 位字母、数字或 . _ -。");
		expectRefusal(newAccount("ADM-TAKEN", "甲", "LEGAL"), "用户名 ADM-TAKEN 已被使用。");
		expectRefusal(newAccount("adm-x1", "", "LEGAL"), "请填写姓名。");
		expectRefusal(newAccount("adm-x2", "甲", ""), "请选择角色。");
		expectRefusal(newAccount("adm-x3", "甲", "SQUAD_LEADER"), "中队长、法制员账号须选择所属单位。");
		expectRefusal(newAccount("adm-x4", "甲", "LEGAL_OFFICER"), "中队长、法制员账号须选择所属单位。");
		expectRefusal(newAccount("adm-x5", "甲", "OFFICER"), "执法人员账号须填写人员工号。");
		expectRefusal(newAccount("adm-x6", "甲", "OFFICER").param("employeeNo", "NO-SUCH"),
				"工号 NO-SUCH 不存在，请先在人员中录入或导入。");
		expectRefusal(newAccount("adm-x7", "甲", "OFFICER").param("employeeNo", "ADM-P2"),
				"工号 ADM-P2 已关联账号 adm-linked。");

		assertThat(jdbc.sql("select count(*) from app_user where username like 'adm-x%'").query(Integer.class).single())
			.isZero();
	}

	@Test
	void editingChangesRoleUnitAndPersonAndAuditsBeforeAndAfter() throws Exception {
		long squad = bureau.unit("账号测试四中队", "一类中队");
		long id = accounts.create("adm-edit", LoginTests.PASSWORD, Role.LEADER, false);

		mvc.perform(get("/admin/users/" + id + "/edit").with(securityAdmin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("adm-edit")));
		mvc.perform(post("/admin/users/" + id).with(securityAdmin())
			.with(csrf())
			.param("displayName", "孙八")
			.param("role", "LEGAL_OFFICER")
			.param("unitId", String.valueOf(squad))
			.param("version", "0"))
			.andExpect(redirectedUrl("/admin/users"))
			.andExpect(flash().attribute("flashSuccess", "已保存账号 adm-edit。"));

		Map<String, Object> row = jdbc.sql("select display_name, role, unit_id, version from app_user where id = ?")
			.param(id)
			.query()
			.singleRow();
		assertThat(row).containsEntry("display_name", "孙八").containsEntry("role", "LEGAL_OFFICER");
		assertThat(((Number) row.get("version")).intValue()).isEqualTo(1);

		Map<String, Object> audit = jdbc.sql("""
				select username, before_data, after_data from audit_log
				where action = 'ACCOUNT_UPDATED' and entity_key = 'adm-edit'""").query().singleRow();
		assertThat(audit.get("username")).isEqualTo("security_admin");
		assertThat((String) audit.get("before_data")).contains("角色=局领导", "姓名=测试adm-edit");
		assertThat((String) audit.get("after_data")).contains("角色=法制员", "姓名=孙八", "单位=账号测试四中队");
	}

	@Test
	void aStaleEditIsRefusedWithTheConflictMessageInsteadOfOverwriting() throws Exception {
		long id = accounts.create("adm-stale", LoginTests.PASSWORD, Role.LEADER, false);
		jdbc.sql("update app_user set display_name = '别人改过', version = version + 1 where id = ?").param(id).update();

		mvc.perform(post("/admin/users/" + id).with(securityAdmin())
			.with(csrf())
			.param("displayName", "旧表单")
			.param("role", "LEGAL")
			.param("version", "0"))
			.andExpect(redirectedUrl("/admin/users/" + id + "/edit"))
			.andExpect(flash().attribute("flashError", "该记录已被他人修改，请刷新后重试。"));

		assertThat(jdbc.sql("select display_name from app_user where id = ?").param(id).query(String.class).single())
			.isEqualTo("别人改过");
		assertThat(accounts.auditCount("ACCOUNT_UPDATED", "adm-stale")).isZero();
	}

	@Test
	void aDisabledAccountCannotSignInUntilEnabledAgain() throws Exception {
		long id = accounts.create("adm-disable", LoginTests.PASSWORD, Role.LEGAL, false);
		// issue 13 item 7: without the second step (confirmed=true) the account stays open
		mvc.perform(post("/admin/users/" + id + "/disable").with(Users.admin()).with(csrf()))
			.andExpect(flash().attribute("flashError", "请在第二步点“确认停用”。"));
		mvc.perform(formLogin().user("adm-disable").password(LoginTests.PASSWORD)).andExpect(authenticated());

		mvc.perform(post("/admin/users/" + id + "/disable").with(Users.admin()).with(csrf()).param("confirmed", "true"))
			.andExpect(redirectedUrl("/admin/users"))
			.andExpect(flash().attribute("flashSuccess", "已停用账号 adm-disable。"));
		mvc.perform(formLogin().user("adm-disable").password(LoginTests.PASSWORD)).andExpect(unauthenticated());

		mvc.perform(post("/admin/users/" + id + "/enable").with(Users.admin()).with(csrf()))
			.andExpect(redirectedUrl("/admin/users"));
		mvc.perform(formLogin().user("adm-disable").password(LoginTests.PASSWORD)).andExpect(authenticated());

		assertThat(accounts.auditCount("ACCOUNT_DISABLED", "adm-disable")).isEqualTo(1);
		assertThat(accounts.auditCount("ACCOUNT_ENABLED", "adm-disable")).isEqualTo(1);
	}

	@Test
	void theAdministratorCannotDisableHisOwnAccountNorTheSecurityAdministratorChangeHisOwnRole() throws Exception {
		long admin = accounts.id("admin");
		long security = accounts.id("security");

		mvc.perform(post("/admin/users/" + admin + "/disable").with(TestAccounts.as("admin", Role.ADMIN)).with(csrf()).param("confirmed", "true"))
			.andExpect(flash().attribute("flashError", "不能停用自己的账号。"));
		mvc.perform(post("/admin/users/" + security).with(TestAccounts.as("security", Role.SECURITY_ADMIN))
			.with(csrf())
			.param("displayName", "安全管理员")
			.param("role", "AUDIT_ADMIN")
			.param("version", "0"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("不能修改自己账号的角色。")));

		assertThat(jdbc.sql("select role from app_user where id = ?").param(security).query(String.class).single())
			.isEqualTo("SECURITY_ADMIN");
		assertThat(jdbc.sql("select enabled from app_user where id = ?").param(admin).query(Boolean.class).single())
			.isTrue();
	}

	@Test
	void unlockingLiftsALoginLockAtOnce() throws Exception {
		long id = accounts.create("adm-unlock", LoginTests.PASSWORD, Role.LEGAL, false);
		jdbc.sql("update app_user set locked_until = ?, failed_attempts = 3 where id = ?")
			.params(LocalDateTime.now().plusMinutes(10), id)
			.update();
		mvc.perform(formLogin().user("adm-unlock").password(LoginTests.PASSWORD)).andExpect(unauthenticated());

		mvc.perform(post("/admin/users/" + id + "/unlock").with(Users.admin()).with(csrf()))
			.andExpect(flash().attribute("flashSuccess", "已解除账号 adm-unlock 的锁定。"));

		mvc.perform(formLogin().user("adm-unlock").password(LoginTests.PASSWORD)).andExpect(authenticated());
		assertThat(accounts.auditCount("ACCOUNT_UNLOCKED", "adm-unlock")).isEqualTo(1);
	}

	@Test
	void resettingAPasswordIssuesANewOneOnceAndTheOldOneStopsWorking() throws Exception {
		long id = accounts.create("adm-reset", LoginTests.PASSWORD, Role.SUPERVISION, false);

		MvcResult result = mvc.perform(post("/admin/users/" + id + "/reset-password").with(Users.admin()).with(csrf()))
			.andExpect(redirectedUrl("/admin/users"))
			.andReturn();
		AccountService.Issued issued = (AccountService.Issued) result.getFlashMap().get("issued");

		mvc.perform(formLogin().user("adm-reset").password(LoginTests.PASSWORD)).andExpect(unauthenticated());
		var session = TestAccounts.signIn(mvc, "adm-reset", issued.password());
		mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/account/password"));
		assertThat(accounts.auditCount("PASSWORD_RESET", "adm-reset")).isEqualTo(1);
	}

	@Test
	void anUnknownAccountIsNotFound() throws Exception {
		mvc.perform(get("/admin/users/987654/edit").with(Users.admin()))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("账号 987654 不存在。")));
	}

	@Test
	void openingAccountsForOfficersGivesEachFormalOfficerWithoutOneAnAccountWithTheRoleOfHisPost() throws Exception {
		long squad = bureau.unit("账号测试开通中队", "直属中队");
		bureau.person("PRV-SL", "队长甲", "MALE", java.time.LocalDate.of(1980, 1, 1), "FORMAL", squad, "SQUAD_LEADER");
		bureau.person("PRV-LO", "法制乙", "MALE", java.time.LocalDate.of(1980, 1, 1), "FORMAL", squad, "LEGAL_OFFICER");
		long member = bureau.officer("PRV-M1", "队员丙", squad);
		bureau.auxiliary("PRV-AUX", "辅助丁", squad);
		long linked = bureau.officer("PRV-HAS", "已有戊", squad);
		accounts.create("prv-has-account", LoginTests.PASSWORD, Role.OFFICER, false, squad, linked);
		bureau.officer("PRV-TAKEN", "撞名己", squad);
		accounts.create("PRV-TAKEN", LoginTests.PASSWORD, Role.LEGAL, false);
		int expected = jdbc.sql("""
				select count(*) from person p where p.category = 'FORMAL'
				and not exists (select 1 from app_user u where u.person_id = p.id)
				and not exists (select 1 from app_user u where u.username = p.employee_no)""")
			.query(Integer.class)
			.single();

		MvcResult result = mvc.perform(post("/admin/users/provision").with(Users.admin()).with(csrf()))
			.andExpect(redirectedUrl("/admin/users/provisioned"))
			.andExpect(flash().attribute("flashSuccess",
					"已为 " + expected + " 名人员开通账号；1 名人员因工号已被其他账号用作用户名而跳过。"))
			.andReturn();
		AccountService.Provisioned provisioned = (AccountService.Provisioned) result.getFlashMap().get("provisioned");
		assertThat(provisioned.created()).extracting(AccountService.Issued::username)
			.contains("PRV-SL", "PRV-LO", "PRV-M1")
			.doesNotContain("PRV-AUX", "PRV-HAS", "PRV-TAKEN");

		assertThat(role("PRV-SL")).isEqualTo("SQUAD_LEADER");
		assertThat(role("PRV-LO")).isEqualTo("LEGAL_OFFICER");
		assertThat(role("PRV-M1")).isEqualTo("OFFICER");
		Map<String, Object> m1 = jdbc.sql("select person_id, unit_id, display_name, must_change_password from app_user where username = 'PRV-M1'")
			.query()
			.singleRow();
		assertThat(((Number) m1.get("person_id")).longValue()).isEqualTo(member);
		assertThat(((Number) m1.get("unit_id")).longValue()).isEqualTo(squad);
		assertThat(m1).containsEntry("display_name", "队员丙").containsEntry("must_change_password", true);
		assertThat(accounts.auditCount("ACCOUNT_CREATED", "PRV-M1")).isEqualTo(1);

		// the passwords are shown once on the result page, and they work
		String page = mvc.perform(get("/admin/users/provisioned").with(Users.admin()).flashAttr("provisioned", provisioned))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String m1Password = provisioned.created().stream().filter(i -> i.username().equals("PRV-M1")).findFirst()
			.orElseThrow()
			.password();
		assertThat(page).contains("PRV-M1", "队员丙", m1Password);
		mvc.perform(get("/admin/users/provisioned").with(Users.admin())).andExpect(redirectedUrl("/admin/users"));
		TestAccounts.signIn(mvc, "PRV-M1", m1Password);

		// a second run has nobody left to open an account for
		mvc.perform(post("/admin/users/provision").with(Users.admin()).with(csrf()))
			.andExpect(flash().attribute("flashSuccess", "已为 0 名人员开通账号；1 名人员因工号已被其他账号用作用户名而跳过。"));
	}

	@Test
	void everyRoleHasAChineseLabel() {
		Map<Role, String> expected = Map.ofEntries(Map.entry(Role.ADMIN, "系统管理员"),
				Map.entry(Role.SECURITY_ADMIN, "安全管理员"), Map.entry(Role.AUDIT_ADMIN, "审计管理员"),
				Map.entry(Role.LEGAL, "法制科"), Map.entry(Role.SUPERVISION, "督查科"), Map.entry(Role.LEADER, "局领导"),
				Map.entry(Role.SQUAD_LEADER, "中队长"), Map.entry(Role.LEGAL_OFFICER, "法制员"),
				Map.entry(Role.OFFICER, "执法人员"), Map.entry(Role.INTEGRATION, "接口账号"),
				// issue 16 item 3: the city's and the province's offices
				Map.entry(Role.CITY_LEGAL, "市局法制处"), Map.entry(Role.CITY_SUPERVISION, "市局督查"),
				Map.entry(Role.PROVINCE_LEGAL, "省厅法制处"), Map.entry(Role.PROVINCE_SUPERVISION, "省厅督查"));
		for (Role role : Role.values()) {
			assertThat(messages.getMessage("role." + role.name(), null, java.util.Locale.SIMPLIFIED_CHINESE))
				.isEqualTo(expected.get(role));
		}
	}

	static RequestPostProcessor securityAdmin() {
		return Users.as(Role.SECURITY_ADMIN, null, null);
	}

	private String role(String username) {
		return jdbc.sql("select role from app_user where username = ?").param(username).query(String.class).single();
	}

	private MockHttpServletRequestBuilder newAccount(String username, String displayName, String role) {
		return post("/admin/users").with(Users.admin())
			.with(csrf())
			.param("username", username)
			.param("displayName", displayName)
			.param("role", role);
	}

	private void expectRefusal(MockHttpServletRequestBuilder request, String message) throws Exception {
		mvc.perform(request).andExpect(status().isOk()).andExpect(content().string(containsString(message)));
	}

}
