package cn.wucheng.cq.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import cn.wucheng.cq.security.Role;
import cn.wucheng.cq.support.Bureau;
import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.TestClock;
import cn.wucheng.cq.support.Users;

/**
 * 三员分立 (等保 2.0 level 3): the system administrator keeps accounts but assigns no roles; the security administrator
 * assigns roles (the administrative ones only he); the audit administrator reads the audit log and nothing else. One
 * role per account, and an administrator's account is nobody's officer account.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
class ThreeAdministratorsTests {

	static final RequestPostProcessor ADMIN = Users.admin();

	static final RequestPostProcessor SECURITY = Users.as(Role.SECURITY_ADMIN, null, null);

	static final RequestPostProcessor AUDIT = Users.as(Role.AUDIT_ADMIN, null, null);

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	TestAccounts accounts;

	Bureau bureau;

	@BeforeEach
	void setUp() {
		accounts = new TestAccounts(jdbc, encoder);
		bureau = new Bureau(jdbc);
	}

	@Test
	void theSystemAdministratorCreatesAccountsWithBusinessRolesOnly() throws Exception {
		mvc.perform(get("/admin/users/new").with(ADMIN))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"LEGAL\"")))
			.andExpect(content().string(not(containsString("value=\"SECURITY_ADMIN\""))))
			.andExpect(content().string(not(containsString("value=\"AUDIT_ADMIN\""))));
		for (Role role : List.of(Role.ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN)) {
			mvc.perform(post("/admin/users").with(ADMIN)
				.with(csrf())
				.param("username", "three-new-" + role.ordinal())
				.param("displayName", "甲")
				.param("role", role.name()))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("只能由安全管理员分配")));
		}
		assertThat(jdbc.sql("select count(*) from app_user where username like 'three-new-%'")
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void theSystemAdministratorCorrectsANameButCannotChangeRoleUnitOrPerson() throws Exception {
		long squad = bureau.unit("三员测试一中队", "一类中队");
		long id = accounts.create("three-name", LoginTests.PASSWORD, Role.LEADER, false);

		mvc.perform(get("/admin/users/" + id + "/edit").with(ADMIN))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("角色、所属单位和关联人员由安全管理员分配。")));
		for (String role : List.of("ADMIN", "SECURITY_ADMIN", "LEGAL")) {
			mvc.perform(post("/admin/users/" + id).with(ADMIN)
				.with(csrf())
				.param("displayName", "改名")
				.param("role", role)
				.param("version", "0"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("系统管理员只能修改姓名")));
		}
		mvc.perform(post("/admin/users/" + id).with(ADMIN)
			.with(csrf())
			.param("displayName", "改名")
			.param("role", "LEADER")
			.param("unitId", String.valueOf(squad))
			.param("version", "0")).andExpect(content().string(containsString("系统管理员只能修改姓名")));

		// the locked fields are not sent by the browser: the name changes, nothing else
		mvc.perform(post("/admin/users/" + id).with(ADMIN).with(csrf()).param("displayName", "改名").param("version", "0"))
			.andExpect(redirectedUrl("/admin/users"));
		Map<String, Object> row = jdbc.sql("select display_name, role, unit_id from app_user where id = ?")
			.param(id)
			.query()
			.singleRow();
		assertThat(row).containsEntry("display_name", "改名").containsEntry("role", "LEADER");
		assertThat(row.get("unit_id")).isNull();
	}

	@Test
	void theSecurityAdministratorAssignsAnAdministrativeRoleWhichReplacesTheBusinessRole() throws Exception {
		long id = accounts.create("three-promote", LoginTests.PASSWORD, Role.LEADER, false);

		mvc.perform(get("/admin/users/" + id + "/edit").with(SECURITY))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"AUDIT_ADMIN\"")));
		mvc.perform(post("/admin/users/" + id).with(SECURITY)
			.with(csrf())
			.param("displayName", "新审计员")
			.param("role", "AUDIT_ADMIN")
			.param("version", "0")).andExpect(redirectedUrl("/admin/users"));

		assertThat(jdbc.sql("select role from app_user where id = ?").param(id).query(String.class).list())
			.as("one role per account: the new one replaced the old")
			.containsExactly("AUDIT_ADMIN");
		Map<String, Object> audit = jdbc.sql("""
				select username, before_data, after_data from audit_log
				where action = 'ACCOUNT_UPDATED' and entity_key = 'three-promote'""").query().singleRow();
		assertThat(audit.get("username")).isEqualTo("security_admin");
		assertThat((String) audit.get("before_data")).contains("角色=局领导");
		assertThat((String) audit.get("after_data")).contains("角色=审计管理员");
	}

	@Test
	void anAdministratorsAccountIsLinkedToNoPersonSoNobodyHoldsABusinessRoleWithIt() throws Exception {
		long squad = bureau.unit("三员测试二中队", "二类中队");
		long person = bureau.officer("THREE-P1", "周九", squad);
		long id = accounts.create("three-officer", LoginTests.PASSWORD, Role.OFFICER, false, squad, person);

		mvc.perform(post("/admin/users/" + id).with(SECURITY)
			.with(csrf())
			.param("displayName", "周九")
			.param("role", "ADMIN")
			.param("employeeNo", "THREE-P1")
			.param("version", "0"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("管理员账号不能关联人员")));
		assertThat(jdbc.sql("select role from app_user where id = ?").param(id).query(String.class).single())
			.isEqualTo("OFFICER");

		mvc.perform(post("/admin/users/" + id).with(SECURITY)
			.with(csrf())
			.param("displayName", "周九")
			.param("role", "ADMIN")
			.param("unitId", String.valueOf(squad))
			.param("version", "0")).andExpect(redirectedUrl("/admin/users"));
		Map<String, Object> row = jdbc.sql("select role, unit_id, person_id from app_user where id = ?")
			.param(id)
			.query()
			.singleRow();
		assertThat(row.get("role")).isEqualTo("ADMIN");
		assertThat(row.get("unit_id")).isNull();
		assertThat(row.get("person_id")).isNull();
	}

	@Test
	void theSecurityAdministratorCannotCreateDisableResetOrOpenAccountsButUnlocks() throws Exception {
		long id = accounts.create("three-target", LoginTests.PASSWORD, Role.LEGAL, false);

		mvc.perform(get("/admin/users").with(SECURITY))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("分配角色")))
			.andExpect(content().string(not(containsString("/reset-password"))));
		mvc.perform(get("/admin/users/new").with(SECURITY)).andExpect(status().isForbidden());
		mvc.perform(post("/admin/users").with(SECURITY).with(csrf()).param("username", "three-by-security")
			.param("displayName", "甲")
			.param("role", "LEGAL")).andExpect(status().isForbidden());
		// unlocking is his (issue 13: a locked-out administrator needs someone other than himself to unlock him)
		for (String action : List.of("disable", "enable", "reset-password")) {
			mvc.perform(post("/admin/users/" + id + "/" + action).with(SECURITY).with(csrf()))
				.andExpect(status().isForbidden());
		}
		mvc.perform(post("/admin/users/provision").with(SECURITY).with(csrf())).andExpect(status().isForbidden());
		assertThat(accounts.auditCount("PASSWORD_RESET", "three-target")).isZero();
		assertThat(jdbc.sql("select count(*) from app_user where username = 'three-by-security'")
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void theLastEnabledAccountOfAnAdministrativeRoleCannotBeDisabledNorGivenAnotherRole() throws Exception {
		// only "audit" holds the role (other tests' audit administrators are put aside)
		jdbc.sql("update app_user set enabled = false where role = 'AUDIT_ADMIN' and username <> 'audit'").update();
		long audit = accounts.id("audit");
		int version = jdbc.sql("select version from app_user where id = ?").param(audit).query(Integer.class).single();

		mvc.perform(post("/admin/users/" + audit + "/disable").with(ADMIN).with(csrf()).param("confirmed", "true"))
			.andExpect(flash().attribute("flashError", "这是最后一个启用的审计管理员账号：须保留至少一个，不能停用或改为其他角色。"));
		mvc.perform(post("/admin/users/" + audit).with(SECURITY)
			.with(csrf())
			.param("displayName", "审计管理员")
			.param("role", "LEGAL")
			.param("version", String.valueOf(version)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("最后一个启用的审计管理员账号")));
		assertThat(jdbc.sql("select role || ' ' || enabled from app_user where id = ?").param(audit)
			.query(String.class)
			.single()).isIn("AUDIT_ADMIN true", "AUDIT_ADMIN TRUE");

		// with a second one, the first may go
		long second = accounts.create("three-audit-2", LoginTests.PASSWORD, Role.AUDIT_ADMIN, false);
		mvc.perform(post("/admin/users/" + second + "/disable").with(ADMIN).with(csrf()).param("confirmed", "true"))
			.andExpect(flash().attribute("flashSuccess", "已停用账号 three-audit-2。"));
	}

	@Test
	void theAuditAdministratorReachesTheAuditLogAndNothingElse() throws Exception {
		assertReachesOnly(AUDIT, Set.of("GET /", "GET /audit", "GET /audit/export.xlsx", "POST /audit/verify",
				"GET /account/password", "POST /account/password", "GET /account/totp", "POST /account/totp",
				"POST /account/totp/enrol", MESSAGES[0], MESSAGES[1], MESSAGES[2], MESSAGES[3]));
	}

	/** His own 站内消息, like his own password page: nobody else's data (every user reads only his own messages). */
	private static final String[] MESSAGES = { "GET /messages", "POST /messages/{id}/open", "POST /messages/{id}/read",
			"POST /messages/read-all" };

	@Test
	void theSecurityAdministratorReachesTheAccountListAndRoleAssignmentOnly() throws Exception {
		assertReachesOnly(SECURITY, Set.of("GET /", "GET /admin/users", "GET /admin/users/{id}/edit",
				"POST /admin/users/{id}", "POST /admin/users/{id}/reset-totp", "POST /admin/users/{id}/unlock",
				"GET /account/password",
				"POST /account/password", "GET /account/totp", "POST /account/totp", "POST /account/totp/enrol",
				MESSAGES[0], MESSAGES[1], MESSAGES[2], MESSAGES[3]));
	}

	/**
	 * Calls every endpoint of the application as this user: all but the allowed ones must refuse (403, or 400 when
	 * the request is refused even before the role check because a parameter is missing) — never 2xx or a redirect.
	 */
	private void assertReachesOnly(RequestPostProcessor user, Set<String> allowed) throws Exception {
		List<String> reached = new ArrayList<>();
		int checked = 0;
		for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
			if (!e.getValue().getBeanType().getName().startsWith("cn.wucheng.cq.")) {
				continue;
			}
			Set<RequestMethod> methods = e.getKey().getMethodsCondition().getMethods();
			for (String pattern : e.getKey().getPatternValues()) {
				if (pattern.equals("/login")) {
					continue;
				}
				for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
					if (allowed.contains(method + " " + pattern)) {
						continue;
					}
					String path = pattern.replaceAll("\\{[^}]*}", "987654");
					int status = mvc.perform(request(HttpMethod.valueOf(method.name()), path).with(user).with(csrf()))
						.andReturn()
						.getResponse()
						.getStatus();
					checked++;
					if (status != 403 && status != 400) {
						reached.add(method + " " + pattern + " -> " + status);
					}
				}
			}
		}
		assertThat(checked).isGreaterThan(10);
		assertThat(reached).isEmpty();
	}

}
