package cn.wucheng.cq.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import cn.wucheng.cq.security.Role;
import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.TestClock;

/** Signing in: success, failure, the lockout after 5 wrong passwords and its expiry, the forced password change. */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
class LoginTests {

	static final String PASSWORD = "Gx7#kqPz2";

	static final String NEW_PASSWORD = "Lm9$wrTb5";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	TestClock clock;

	TestAccounts accounts;

	@BeforeEach
	void setUp() {
		accounts = new TestAccounts(jdbc, encoder);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	/**
	 * Issue 14: an integration account (接口账号) gets an issued password like anyone; the API refuses it until it is
	 * changed, so its own password page is the one page it may open — and still no other.
	 */
	@Test
	void anIntegrationAccountChangesItsIssuedPasswordOnItsOnePageThenUsesTheApiButNoOtherPage() throws Exception {
		accounts.create("platform-first", PASSWORD, Role.INTEGRATION, true);
		mvc.perform(put("/api/v1/cases/NO-SUCH-BODY").with(httpBasic("platform-first", PASSWORD))
			.contentType("application/json").content("{}")).andExpect(status().isForbidden());
		MockHttpSession session = TestAccounts.signIn(mvc, "platform-first", PASSWORD);
		mvc.perform(get("/account/password").session(session)).andExpect(status().isOk());
		mvc.perform(post("/account/password").session(session)
			.with(csrf())
			.param("currentPassword", PASSWORD)
			.param("newPassword", NEW_PASSWORD)
			.param("repeatPassword", NEW_PASSWORD)).andExpect(redirectedUrl("/account/password"));
		mvc.perform(get("/").session(session)).andExpect(status().isForbidden());
		mvc.perform(get("/cases").session(session)).andExpect(status().isForbidden());
		mvc.perform(put("/api/v1/cases/NO-SUCH-BODY").with(httpBasic("platform-first", NEW_PASSWORD))
			.contentType("application/json").content("{}")).andExpect(status().isBadRequest());
	}

	@Test
	void theRightPasswordSignsInOpensTheHomePageAndIsAudited() throws Exception {
		accounts.create("login-ok", PASSWORD, Role.LEGAL, false);

		mvc.perform(formLogin().user("login-ok").password(PASSWORD))
			.andExpect(authenticated().withUsername("login-ok").withRoles("LEGAL"))
			.andExpect(redirectedUrl("/"));

		assertThat(accounts.auditCount("LOGIN_SUCCESS", "login-ok")).isEqualTo(1);
	}

	@Test
	void aWrongPasswordReturnsToTheLoginPageWhichSaysWhyInChinese() throws Exception {
		accounts.create("login-wrong", PASSWORD, Role.LEGAL, false);

		assertThat(pageAfter(formLogin().user("login-wrong").password("not-it")))
			.contains("用户名或密码错误，还可尝试 4 次，之后账号将被锁定。");
		assertThat(pageAfter(formLogin().user("login-wrong").password("not-it"))).contains("还可尝试 3 次");
		// the message is shown once: a reload of the login page no longer has it
		mvc.perform(get("/login").param("error", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("还可尝试"))));

		assertThat(accounts.auditCount("LOGIN_FAILURE", "login-wrong")).isEqualTo(2);
		assertThat(failedAttempts("login-wrong")).isEqualTo(2);
	}

	/** SECURITY.md, 身份鉴别 b: tries left and lock times are said for existing accounts only (a decided trade-off). */
	@Test
	void anUnknownUsernameFailsWithThePlainMessageWithoutTriesLeftAndIsAudited() throws Exception {
		assertThat(pageAfter(formLogin().user("nobody-here").password(PASSWORD)))
			.contains("用户名或密码错误。")
			.doesNotContain("还可尝试", "锁定");

		assertThat(accounts.auditCount("LOGIN_FAILURE", "nobody-here")).isEqualTo(1);
	}

	@Test
	void fiveWrongPasswordsInARowLockTheAccountForFifteenMinutesEvenForTheRightPassword() throws Exception {
		accounts.create("login-lock", PASSWORD, Role.OFFICER, false);
		for (int i = 1; i <= 4; i++) {
			wrongPassword("login-lock");
		}
		assertThat(locked("login-lock")).as("not locked after 4").isFalse();
		wrongPassword("login-lock");
		assertThat(locked("login-lock")).as("locked after 5").isTrue();
		assertThat(accounts.auditCount("ACCOUNT_LOCKED", "login-lock")).isEqualTo(1);

		String until = jdbc.sql("select locked_until from app_user where username = 'login-lock'")
			.query(java.time.LocalDateTime.class)
			.single()
			.format(java.time.format.DateTimeFormatter.ofPattern("HH:mm"));
		assertThat(until).isEqualTo(java.time.LocalDateTime.now(clock).plusMinutes(15)
			.format(java.time.format.DateTimeFormatter.ofPattern("HH:mm")));
		// even the right password: the page says until when and whom to call
		assertThat(pageAfter(formLogin().user("login-lock").password(PASSWORD)))
			.contains("账号已锁定，请于 " + until + " 后再试或联系安全管理员解锁。");
		clock.advance(Duration.ofMinutes(14));
		mvc.perform(formLogin().user("login-lock").password(PASSWORD)).andExpect(unauthenticated());

		clock.advance(Duration.ofMinutes(1).plusSeconds(5));
		mvc.perform(formLogin().user("login-lock").password(PASSWORD))
			.andExpect(authenticated().withUsername("login-lock"));
		assertThat(failedAttempts("login-lock")).isZero();
	}

	@Test
	void aSuccessfulLoginStartsTheCountAgain() throws Exception {
		accounts.create("login-reset", PASSWORD, Role.OFFICER, false);
		for (int i = 1; i <= 4; i++) {
			wrongPassword("login-reset");
		}
		mvc.perform(formLogin().user("login-reset").password(PASSWORD)).andExpect(authenticated());
		assertThat(failedAttempts("login-reset")).isZero();
		for (int i = 1; i <= 4; i++) {
			wrongPassword("login-reset");
		}
		assertThat(locked("login-reset")).isFalse();
	}

	@Test
	void wrongPasswordsOverHttpBasicCountTowardsTheLockToo() throws Exception {
		accounts.create("basic-lock", PASSWORD, Role.LEGAL, false);
		for (int i = 1; i <= 5; i++) {
			mvc.perform(get("/api/v1/scores").with(httpBasic("basic-lock", "wrong")))
				.andExpect(status().isUnauthorized())
				.andExpect(jsonPath("$.errors[0].message").isNotEmpty());
		}
		assertThat(locked("basic-lock")).isTrue();
		mvc.perform(get("/api/v1/scores").with(httpBasic("basic-lock", PASSWORD))).andExpect(status().isUnauthorized());
	}

	@Test
	void afterSigningInTheUserReturnsToThePageHeAskedForButNeverToAnApiCall() throws Exception {
		accounts.create("login-return", PASSWORD, Role.LEGAL, false);

		MockHttpSession page = new MockHttpSession();
		mvc.perform(get("/audit").session(page)).andExpect(status().isFound());
		String target = mvc.perform(post("/login").session(page)
			.with(csrf())
			.param("username", "login-return")
			.param("password", PASSWORD)).andReturn().getResponse().getRedirectedUrl();
		assertThat(target).contains("/audit");

		MockHttpSession api = new MockHttpSession();
		mvc.perform(get("/api/v1/scores").session(api)).andExpect(status().isUnauthorized());
		mvc.perform(post("/login").session(api).with(csrf()).param("username", "login-return").param("password", PASSWORD))
			.andExpect(redirectedUrl("/"));
	}

	@Test
	void aDisabledAccountCannotSignIn() throws Exception {
		accounts.create("login-disabled", PASSWORD, Role.LEGAL, false);
		jdbc.sql("update app_user set enabled = false where username = 'login-disabled'").update();

		mvc.perform(formLogin().user("login-disabled").password(PASSWORD)).andExpect(unauthenticated());
	}

	@Test
	void aGeneratedPasswordMustBeChangedBeforeAnyPageOrApiCall() throws Exception {
		accounts.create("first-login", PASSWORD, Role.LEGAL, true);
		MockHttpSession session = TestAccounts.signIn(mvc, "first-login", PASSWORD);

		mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/account/password"));
		mvc.perform(get("/audit").session(session)).andExpect(redirectedUrl("/account/password"));
		mvc.perform(get("/api/v1/scores").session(session))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.errors[0].message").value("首次登录须先修改密码"));
		mvc.perform(get("/api/v1/scores").with(httpBasic("first-login", PASSWORD))).andExpect(status().isForbidden());
		mvc.perform(get("/account/password").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("须先修改密码才能继续使用系统")));

		mvc.perform(post("/account/password").session(session)
			.with(csrf())
			.param("currentPassword", PASSWORD)
			.param("newPassword", NEW_PASSWORD)
			.param("repeatPassword", NEW_PASSWORD)).andExpect(redirectedUrl("/"));

		// The same session goes on without signing in again: its principal was replaced.
		mvc.perform(get("/").session(session)).andExpect(status().isOk());
		mvc.perform(get("/api/v1/scores").with(httpBasic("first-login", NEW_PASSWORD)))
			.andExpect(status().is(not(403)));
		assertThat(jdbc.sql("select must_change_password from app_user where username = 'first-login'")
			.query(Boolean.class)
			.single()).isFalse();
		assertThat(accounts.auditCount("PASSWORD_CHANGED", "first-login")).isEqualTo(1);
	}

	@Test
	void afterAChangeTheNewPasswordSignsInAndTheOldOneNoLonger() throws Exception {
		accounts.create("change-pw", PASSWORD, Role.SUPERVISION, false);
		MockHttpSession session = TestAccounts.signIn(mvc, "change-pw", PASSWORD);
		mvc.perform(post("/account/password").session(session)
			.with(csrf())
			.param("currentPassword", PASSWORD)
			.param("newPassword", NEW_PASSWORD)
			.param("repeatPassword", NEW_PASSWORD)).andExpect(redirectedUrl("/"));

		mvc.perform(formLogin().user("change-pw").password(PASSWORD)).andExpect(unauthenticated());
		mvc.perform(formLogin().user("change-pw").password(NEW_PASSWORD)).andExpect(authenticated());
	}

	@Test
	void thePasswordPolicyRefusesWeakPasswordsWithAChineseMessageForEachRule() throws Exception {
		accounts.create("policy-user", PASSWORD, Role.LEADER, false);
		MockHttpSession session = TestAccounts.signIn(mvc, "policy-user", PASSWORD);

		expectRefusal(session, PASSWORD, "Ab1!xy", "Ab1!xy", "新密码太短：至少需要 8 个字符。");
		expectRefusal(session, PASSWORD, "onlylowercase", "onlylowercase", "新密码须包含大写字母、小写字母、数字、符号中的至少 3 类。");
		expectRefusal(session, PASSWORD, "X9!policy-USER", "X9!policy-USER", "新密码不能包含用户名。");
		expectRefusal(session, PASSWORD, "P@ssw0rd", "P@ssw0rd", "新密码过于常见，容易被猜中，请换一个。");
		expectRefusal(session, PASSWORD, PASSWORD, PASSWORD, "新密码不能与当前密码相同。");
		expectRefusal(session, PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "x", "两次输入的新密码不一致。");
		expectRefusal(session, "wrong-current", NEW_PASSWORD, NEW_PASSWORD, "当前密码不正确。");

		mvc.perform(formLogin().user("policy-user").password(PASSWORD)).andExpect(authenticated());
		assertThat(accounts.auditCount("PASSWORD_CHANGED", "policy-user")).isZero();
	}

	@Test
	void aWrongCurrentPasswordDoesNotRevealWhetherTheNewOneEqualsIt() throws Exception {
		accounts.create("oracle-user", PASSWORD, Role.LEADER, false);
		MockHttpSession session = TestAccounts.signIn(mvc, "oracle-user", PASSWORD);

		mvc.perform(post("/account/password").session(session)
			.with(csrf())
			.param("currentPassword", "a-guess")
			.param("newPassword", PASSWORD)
			.param("repeatPassword", PASSWORD))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("当前密码不正确。")))
			.andExpect(content().string(not(containsString("新密码不能与当前密码相同"))));
	}

	private void expectRefusal(MockHttpSession session, String current, String next, String repeat, String message)
			throws Exception {
		mvc.perform(post("/account/password").session(session)
			.with(csrf())
			.param("currentPassword", current)
			.param("newPassword", next)
			.param("repeatPassword", repeat))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(message)));
	}

	@Test
	void theSecurityAdministratorUnlocksALockedAccountItsUserSignsInAndTheUnlockIsAudited() throws Exception {
		long id = accounts.create("login-unlock", PASSWORD, Role.OFFICER, false);
		for (int i = 1; i <= 5; i++) {
			wrongPassword("login-unlock");
		}
		mvc.perform(formLogin().user("login-unlock").password(PASSWORD)).andExpect(unauthenticated());
		assertThat(mvc.perform(get("/admin/users").param("q", "login-unlock").with(cn.wucheng.cq.support.Users
			.as(Role.SECURITY_ADMIN, null, null))).andReturn().getResponse().getContentAsString())
			.contains("/admin/users/" + id + "/unlock", "解除锁定");

		mvc.perform(post("/admin/users/" + id + "/unlock")
			.with(cn.wucheng.cq.support.Users.as(Role.SECURITY_ADMIN, null, null))
			.with(csrf()))
			.andExpect(redirectedUrl("/admin/users"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("flashSuccess", "已解除账号 login-unlock 的锁定。"));

		mvc.perform(formLogin().user("login-unlock").password(PASSWORD))
			.andExpect(authenticated().withUsername("login-unlock"));
		assertThat(accounts.auditCount("ACCOUNT_UNLOCKED", "login-unlock")).isEqualTo(1);
	}

	/** The login page as the browser sees it after this sign-in attempt (the redirect, then the page). */
	private String pageAfter(org.springframework.test.web.servlet.RequestBuilder attempt) throws Exception {
		var failed = mvc.perform(attempt).andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error")).andReturn();
		MockHttpSession session = (MockHttpSession) failed.getRequest().getSession();
		return mvc.perform(get("/login").param("error", "").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private void wrongPassword(String username) throws Exception {
		mvc.perform(formLogin().user(username).password("wrong-password"))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?error"));
	}

	private int failedAttempts(String username) {
		return jdbc.sql("select failed_attempts from app_user where username = ?")
			.param(username)
			.query(Integer.class)
			.single();
	}

	private boolean locked(String username) {
		return jdbc.sql("select count(*) from app_user where username = ? and locked_until is not null")
			.param(username)
			.query(Integer.class)
			.single() == 1;
	}

}
