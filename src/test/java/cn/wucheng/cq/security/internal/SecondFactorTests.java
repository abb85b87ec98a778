package cn.wucheng.cq.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.codec.binary.Base32;
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
import cn.wucheng.cq.support.Users;

/**
 * The TOTP second factor: required for the three administrators (enrol at the first sign-in, then a code after each
 * password), optional for others; wrong codes count towards the lock, a code works once, HTTP Basic is refused to
 * accounts with a second factor, the secret is stored encrypted and shown only while enrolling, and the security
 * administrator resets a lost one.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(properties = "cq.security.totp-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=")
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
class SecondFactorTests {

	static final Pattern SECRET = Pattern.compile("id=\"totp-secret\"[^>]*>([A-Z2-7 ]+)<");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	TestClock clock;

	@Autowired
	SecondFactorSecrets secrets;

	TestAccounts accounts;

	@BeforeEach
	void setUp() {
		accounts = new TestAccounts(jdbc, encoder);
		// the middle of a 30-second step: a code computed now is still current when the request arrives
		long second = clock.instant().getEpochSecond() % Totp.STEP_SECONDS;
		clock.advance(Duration.ofSeconds((Totp.STEP_SECONDS + 15 - second) % Totp.STEP_SECONDS));
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void anAdministratorWithoutASecondFactorEnrolsOneBeforeAnythingElse() throws Exception {
		accounts.create("tf-admin", LoginTests.PASSWORD, Role.ADMIN, false);
		MockHttpSession session = TestAccounts.signIn(mvc, "tf-admin", LoginTests.PASSWORD);

		mvc.perform(get("/admin/users").session(session)).andExpect(redirectedUrl("/account/totp"));
		mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/account/totp"));
		mvc.perform(get("/account/password").session(session)).andExpect(redirectedUrl("/account/totp"));
		String page = page(session);
		assertThat(page).contains("otpauth://totp/", "data:image/svg+xml;base64,", "须启用两步验证");
		byte[] secret = secretOn(page);
		assertThat(secretOn(page(session))).as("a reload shows the same secret").isEqualTo(secret);

		mvc.perform(post("/account/totp/enrol").session(session).with(csrf()).param("code", wrong(secret)))
			.andExpect(redirectedUrl("/account/totp"))
			.andExpect(flash().attribute("flashError", "验证码不正确，请输入验证器应用中当前的验证码。"));
		mvc.perform(get("/admin/users").session(session)).andExpect(redirectedUrl("/account/totp"));

		mvc.perform(post("/account/totp/enrol").session(session).with(csrf()).param("code", now(secret)))
			.andExpect(redirectedUrl("/"))
			.andExpect(flash().attribute("flashSuccess", "两步验证已启用。"));
		mvc.perform(get("/admin/users").session(session)).andExpect(status().isOk());

		// stored encrypted, never shown again
		String stored = jdbc.sql("select totp_secret from app_user where username = 'tf-admin'").query(String.class).single();
		assertThat(stored).startsWith("v1:").doesNotContain(Totp.base32(secret));
		assertThat(secrets.decrypt(stored, "tf-admin")).isEqualTo(secret);
		assertThatThrownBy(() -> secrets.decrypt(stored, "someone-else")).isInstanceOf(IllegalStateException.class);
		assertThat(page(session)).contains("本账号已启用两步验证").doesNotContain(Totp.base32(secret).substring(0, 4) + " ");
		assertThat(accounts.auditCount("SECOND_FACTOR_ENROLLED", "tf-admin")).isEqualTo(1);
	}

	@Test
	void afterThePasswordAnEnrolledAdministratorTypesTheCurrentCodeAndEachCodeWorksOnce() throws Exception {
		byte[] secret = enrolled("tf-verify", Role.AUDIT_ADMIN);

		MockHttpSession session = TestAccounts.signIn(mvc, "tf-verify", LoginTests.PASSWORD);
		mvc.perform(get("/audit").session(session)).andExpect(redirectedUrl("/account/totp"));
		assertThat(page(session)).contains("请输入手机验证器应用中本系统当前显示的 6 位验证码").doesNotContain("otpauth://");
		mvc.perform(post("/account/totp").session(session).with(csrf()).param("code", wrong(secret)))
			.andExpect(redirectedUrl("/account/totp"));
		mvc.perform(get("/audit").session(session)).andExpect(redirectedUrl("/account/totp"));

		String code = codeAt(secret, 1); // the next step's code: one step of drift is allowed
		mvc.perform(post("/account/totp").session(session).with(csrf()).param("code", code))
			.andExpect(redirectedUrl("/"));
		mvc.perform(get("/audit").session(session)).andExpect(status().isOk());

		MockHttpSession second = TestAccounts.signIn(mvc, "tf-verify", LoginTests.PASSWORD);
		mvc.perform(post("/account/totp").session(second).with(csrf()).param("code", code))
			.andExpect(redirectedUrl("/account/totp"));
		// a code of an older step than the one used
		mvc.perform(post("/account/totp").session(second).with(csrf()).param("code", now(secret)))
			.andExpect(redirectedUrl("/account/totp"));
		mvc.perform(get("/audit").session(second)).andExpect(redirectedUrl("/account/totp"));
		clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS * 2));
		mvc.perform(post("/account/totp").session(second).with(csrf()).param("code", now(secret)))
			.andExpect(redirectedUrl("/"));
	}

	@Test
	void aCodeTwoStepsOldIsRefused() throws Exception {
		byte[] secret = enrolled("tf-drift", Role.SECURITY_ADMIN);
		clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS * 2)); // far enough from the step used to enrol
		MockHttpSession session = TestAccounts.signIn(mvc, "tf-drift", LoginTests.PASSWORD);
		mvc.perform(post("/account/totp").session(session).with(csrf()).param("code", codeAt(secret, -2)))
			.andExpect(redirectedUrl("/account/totp"));
		mvc.perform(post("/account/totp").session(session).with(csrf()).param("code", codeAt(secret, -1)))
			.andExpect(redirectedUrl("/"));
	}

	@Test
	void fiveWrongCodesLockTheAccountAndEndTheSession() throws Exception {
		byte[] secret = enrolled("tf-lock", Role.ADMIN);
		MockHttpSession session = TestAccounts.signIn(mvc, "tf-lock", LoginTests.PASSWORD);
		for (int i = 1; i <= 4; i++) {
			mvc.perform(post("/account/totp").session(session).with(csrf()).param("code", wrong(secret)))
				.andExpect(redirectedUrl("/account/totp"));
		}
		// signing in with the password again does not reset the count of wrong codes
		session = TestAccounts.signIn(mvc, "tf-lock", LoginTests.PASSWORD);
		MockHttpSession afterLock = (MockHttpSession) mvc
			.perform(post("/account/totp").session(session).with(csrf()).param("code", wrong(secret)))
			.andExpect(redirectedUrl("/login?error"))
			.andReturn()
			.getRequest()
			.getSession();
		String until = java.time.LocalDateTime.now(clock).plusMinutes(15)
			.format(java.time.format.DateTimeFormatter.ofPattern("HH:mm"));
		assertThat(mvc.perform(get("/login").param("error", "").session(afterLock)).andReturn().getResponse()
			.getContentAsString()).contains("账号已锁定，请于 " + until + " 后再试或联系安全管理员解锁。");

		mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/login"));
		mvc.perform(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin()
			.user("tf-lock")
			.password(LoginTests.PASSWORD))
			.andExpect(org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers
				.unauthenticated());
		assertThat(accounts.auditCount("SECOND_FACTOR_FAILURE", "tf-lock")).isEqualTo(5);
		assertThat(accounts.auditCount("ACCOUNT_LOCKED", "tf-lock")).isEqualTo(1);
	}

	@Test
	void aWrongCodeSaysHowManyTriesAreLeftBeforeTheLock() throws Exception {
		byte[] secret = enrolled("tf-tries", Role.LEGAL);
		MockHttpSession session = TestAccounts.signIn(mvc, "tf-tries", LoginTests.PASSWORD);
		mvc.perform(post("/account/totp").session(session).with(csrf()).param("code", wrong(secret)))
			.andExpect(flash().attribute("flashError", "验证码不正确，请输入验证器应用中当前的验证码；还可尝试 4 次，之后账号将被锁定。"));
	}

	/** Issue 13: the administrator typed the code that had just enrolled his app, five times, and was locked out. */
	@Test
	void theCodeThatEnrolledTypedAgainInTheSameWindowAsksForTheNextOneAndCountsNoFailure() throws Exception {
		accounts.create("tf-first-code", LoginTests.PASSWORD, Role.ADMIN, false);
		MockHttpSession enrolling = TestAccounts.signIn(mvc, "tf-first-code", LoginTests.PASSWORD);
		byte[] secret = secretOn(page(enrolling));
		String code = now(secret);
		mvc.perform(post("/account/totp/enrol").session(enrolling).with(csrf()).param("code", code))
			.andExpect(redirectedUrl("/"));

		MockHttpSession session = TestAccounts.signIn(mvc, "tf-first-code", LoginTests.PASSWORD);
		for (int i = 1; i <= 6; i++) { // more than the five that lock
			mvc.perform(post("/account/totp").session(session).with(csrf()).param("code", code))
				.andExpect(redirectedUrl("/account/totp"))
				.andExpect(flash().attribute("flashError",
						org.hamcrest.Matchers.startsWith("该验证码已使用，请等待下一个验证码")));
		}
		assertThat(jdbc.sql("select failed_attempts from app_user where username = 'tf-first-code'")
			.query(Integer.class)
			.single()).isZero();
		assertThat(accounts.auditCount("SECOND_FACTOR_FAILURE", "tf-first-code")).isZero();
		assertThat(accounts.auditCount("ACCOUNT_LOCKED", "tf-first-code")).isZero();
		mvc.perform(get("/admin/users").session(session)).andExpect(redirectedUrl("/account/totp"));

		clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
		mvc.perform(post("/account/totp").session(session).with(csrf()).param("code", now(secret)))
			.andExpect(redirectedUrl("/"));
		mvc.perform(get("/admin/users").session(session)).andExpect(status().isOk());
	}

	@Test
	void httpBasicIsRefusedToAdministratorsAndToAccountsWithASecondFactor() throws Exception {
		accounts.create("tf-basic-admin", LoginTests.PASSWORD, Role.ADMIN, false);
		enrolled("tf-basic-legal", Role.LEGAL);
		accounts.create("tf-basic-plain", LoginTests.PASSWORD, Role.LEGAL, false);

		for (String user : new String[] { "tf-basic-admin", "tf-basic-legal" }) {
			mvc.perform(get("/api/v1/no-such-call").with(httpBasic(user, LoginTests.PASSWORD)))
				.andExpect(status().isForbidden())
				.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("HTTP Basic")));
			// pages take no HTTP Basic at all: not signed in
			mvc.perform(get("/admin/users").with(httpBasic(user, LoginTests.PASSWORD))).andExpect(redirectedUrl("/login"));
		}
		mvc.perform(get("/api/v1/no-such-call").with(httpBasic("tf-basic-plain", LoginTests.PASSWORD)))
			.andExpect(status().isNotFound());
	}

	@Test
	void otherUsersMayEnrolAndThenNeedTheirCodeToo() throws Exception {
		accounts.create("tf-optional", LoginTests.PASSWORD, Role.LEGAL, false);
		MockHttpSession session = TestAccounts.signIn(mvc, "tf-optional", LoginTests.PASSWORD);
		mvc.perform(get("/").session(session)).andExpect(status().isOk());

		String page = page(session);
		assertThat(page).contains("启用两步验证后").doesNotContain("须启用两步验证");
		byte[] secret = secretOn(page);
		mvc.perform(post("/account/totp/enrol").session(session).with(csrf()).param("code", now(secret)))
			.andExpect(redirectedUrl("/"));

		MockHttpSession next = TestAccounts.signIn(mvc, "tf-optional", LoginTests.PASSWORD);
		mvc.perform(get("/").session(next)).andExpect(redirectedUrl("/account/totp"));
		clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
		mvc.perform(post("/account/totp").session(next).with(csrf()).param("code", now(secret)))
			.andExpect(redirectedUrl("/"));
		mvc.perform(get("/").session(next)).andExpect(status().isOk());
	}

	@Test
	void theSecondFactorComesBeforeTheForcedPasswordChange() throws Exception {
		accounts.create("tf-first", LoginTests.PASSWORD, Role.SECURITY_ADMIN, true);
		MockHttpSession session = TestAccounts.signIn(mvc, "tf-first", LoginTests.PASSWORD);
		mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/account/totp"));
		byte[] secret = secretOn(page(session));
		mvc.perform(post("/account/totp/enrol").session(session).with(csrf()).param("code", now(secret)))
			.andExpect(redirectedUrl("/"));
		mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/account/password"));
		mvc.perform(post("/account/password").session(session)
			.with(csrf())
			.param("currentPassword", LoginTests.PASSWORD)
			.param("newPassword", LoginTests.NEW_PASSWORD)
			.param("repeatPassword", LoginTests.NEW_PASSWORD)).andExpect(redirectedUrl("/"));
		mvc.perform(get("/admin/users").session(session)).andExpect(status().isOk());
	}

	@Test
	void theSecurityAdministratorResetsALostSecondFactorButNotHisOwnAndTheSystemAdministratorCannot() throws Exception {
		enrolled("tf-lost", Role.ADMIN);
		long id = accounts.id("tf-lost");
		MockHttpSession session = TestAccounts.signIn(mvc, "tf-lost", LoginTests.PASSWORD);

		mvc.perform(post("/admin/users/" + id + "/reset-totp").with(Users.admin()).with(csrf()))
			.andExpect(status().isForbidden());
		enrolled("tf-security", Role.SECURITY_ADMIN);
		mvc.perform(post("/admin/users/" + accounts.id("tf-security") + "/reset-totp")
			.with(TestAccounts.as("tf-security", Role.SECURITY_ADMIN))
			.with(csrf())).andExpect(flash().attribute("flashError", "不能重置自己的两步验证。"));

		mvc.perform(post("/admin/users/" + id + "/reset-totp").with(Users.as(Role.SECURITY_ADMIN, null, null)).with(csrf()))
			.andExpect(flash().attribute("flashSuccess", "已重置账号 tf-lost 的两步验证。"));
		assertThat(jdbc.sql("select count(*) from app_user where id = ? and totp_secret is null and not totp_enabled")
			.param(id)
			.query(Integer.class)
			.single()).isEqualTo(1);
		mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/login?expired"));
		MockHttpSession again = TestAccounts.signIn(mvc, "tf-lost", LoginTests.PASSWORD);
		assertThat(page(again)).contains("otpauth://");
		assertThat(accounts.auditCount("SECOND_FACTOR_RESET", "tf-lost")).isEqualTo(1);
	}

	/** An account of that role with a second factor enrolled through the page; returns its secret. */
	private byte[] enrolled(String username, Role role) throws Exception {
		accounts.create(username, LoginTests.PASSWORD, role, false);
		MockHttpSession session = TestAccounts.signIn(mvc, username, LoginTests.PASSWORD);
		byte[] secret = secretOn(page(session));
		mvc.perform(post("/account/totp/enrol").session(session).with(csrf()).param("code", now(secret)))
			.andExpect(redirectedUrl("/"));
		clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS)); // the enrolment used this step's code
		return secret;
	}

	private String page(MockHttpSession session) throws Exception {
		return mvc.perform(get("/account/totp").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static byte[] secretOn(String html) {
		Matcher m = SECRET.matcher(html);
		assertThat(m.find()).as("the secret is on the page").isTrue();
		return new Base32().decode(m.group(1));
	}

	private String now(byte[] secret) {
		return codeAt(secret, 0);
	}

	private String codeAt(byte[] secret, int steps) {
		return Totp.code(secret, Totp.step(clock.instant()) + steps);
	}

	private String wrong(byte[] secret) {
		String right = now(secret);
		for (int d = 1;; d++) {
			String candidate = String.format("%06d", (Integer.parseInt(right) + d * 1000) % 1_000_000);
			long step = Totp.step(clock.instant());
			if (Totp.match(secret, candidate, step, null).isEmpty()) {
				return candidate;
			}
		}
	}

}
