package cn.wucheng.cq.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import cn.wucheng.cq.security.Role;
import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.TestClock;
import cn.wucheng.cq.support.Users;

/**
 * Sessions (等保 2.0 身份鉴别 "登录连接超时自动退出", ASVS 7): logout, disabling an account or changing its role ends
 * every session of that user; a session ends after 30 idle minutes and at the latest 8 hours after sign-in.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
class SessionTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	TestClock clock;

	@Autowired
	Environment env;

	TestAccounts accounts;

	@BeforeEach
	void setUp() {
		accounts = new TestAccounts(jdbc, encoder);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void loggingOutEndsEverySessionOfTheUserButNotOthers() throws Exception {
		accounts.create("sess-logout", LoginTests.PASSWORD, Role.LEGAL, false);
		accounts.create("sess-bystander", LoginTests.PASSWORD, Role.LEGAL, false);
		MockHttpSession desk = TestAccounts.signIn(mvc, "sess-logout", LoginTests.PASSWORD);
		MockHttpSession laptop = TestAccounts.signIn(mvc, "sess-logout", LoginTests.PASSWORD);
		MockHttpSession other = TestAccounts.signIn(mvc, "sess-bystander", LoginTests.PASSWORD);
		mvc.perform(get("/").session(laptop)).andExpect(status().isOk());

		// as a browser sends it (without text/html, Spring Security answers a script 204 instead of the redirect)
		mvc.perform(post("/logout").session(desk).with(csrf()).accept(MediaType.TEXT_HTML))
			.andExpect(redirectedUrl("/login?logout"));

		mvc.perform(get("/").session(laptop)).andExpect(redirectedUrl("/login?expired"));
		mvc.perform(get("/").session(other)).andExpect(status().isOk());
		assertThat(accounts.auditCount("LOGOUT", "sess-logout")).isEqualTo(1);
	}

	@Test
	void theLoginPageSaysWhyTheSessionEnded() throws Exception {
		String html = mvc.perform(get("/login").param("expired", ""))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("会话已结束");
	}

	@Test
	void disablingAnAccountEndsAllItsSessionsAtOnce() throws Exception {
		long id = accounts.create("sess-disable", LoginTests.PASSWORD, Role.LEGAL, false);
		MockHttpSession one = TestAccounts.signIn(mvc, "sess-disable", LoginTests.PASSWORD);
		MockHttpSession two = TestAccounts.signIn(mvc, "sess-disable", LoginTests.PASSWORD);

		mvc.perform(post("/admin/users/" + id + "/disable").with(Users.admin()).with(csrf()).param("confirmed", "true"))
			.andExpect(redirectedUrl("/admin/users"));

		mvc.perform(get("/").session(one)).andExpect(redirectedUrl("/login?expired"));
		mvc.perform(get("/").session(two)).andExpect(redirectedUrl("/login?expired"));
		// an API call in an ended session is told to sign in, in the API's format
		MockHttpSession three = TestAccounts.signIn(mvc, "sess-disable-api", LoginTests.PASSWORD, accounts);
		mvc.perform(post("/admin/users/" + accounts.id("sess-disable-api") + "/disable").with(Users.admin()).with(csrf()).param("confirmed", "true"));
		mvc.perform(get("/api/v1/no-such-call").session(three))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("会话已结束")));
	}

	@Test
	void changingAnAccountsRoleEndsItsSessionsButCorrectingTheNameDoesNot() throws Exception {
		long id = accounts.create("sess-role", LoginTests.PASSWORD, Role.LEGAL, false);
		MockHttpSession session = TestAccounts.signIn(mvc, "sess-role", LoginTests.PASSWORD);

		mvc.perform(post("/admin/users/" + id).with(Users.admin())
			.with(csrf())
			.param("displayName", "新名字")
			.param("version", "0")).andExpect(redirectedUrl("/admin/users"));
		mvc.perform(get("/").session(session)).andExpect(status().isOk());

		mvc.perform(post("/admin/users/" + id).with(Users.as(Role.SECURITY_ADMIN, null, null))
			.with(csrf())
			.param("displayName", "新名字")
			.param("role", "LEADER")
			.param("version", "1")).andExpect(redirectedUrl("/admin/users"));
		mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/login?expired"));

		MockHttpSession again = TestAccounts.signIn(mvc, "sess-role", LoginTests.PASSWORD);
		mvc.perform(get("/").session(again)).andExpect(status().isOk());
	}

	@Test
	void theIdleTimeoutIsThirtyMinutes() throws Exception {
		assertThat(env.getProperty("server.servlet.session.timeout")).isEqualTo("30m");
		accounts.create("sess-idle", LoginTests.PASSWORD, Role.LEGAL, false);
		MockHttpSession session = TestAccounts.signIn(mvc, "sess-idle", LoginTests.PASSWORD);

		clock.advance(Duration.ofMinutes(29));
		mvc.perform(get("/").session(session)).andExpect(status().isOk());
		clock.advance(Duration.ofMinutes(29));
		mvc.perform(get("/").session(session)).andExpect(status().isOk());

		clock.advance(Duration.ofMinutes(31));
		mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/login?expired"));
		mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/login"));
	}

	@Test
	void aSessionEndsEightHoursAfterSignInHoweverActiveItIs() throws Exception {
		accounts.create("sess-absolute", LoginTests.PASSWORD, Role.LEGAL, false);
		MockHttpSession session = TestAccounts.signIn(mvc, "sess-absolute", LoginTests.PASSWORD);

		for (int i = 1; i <= 16; i++) { // 16 x 29 min = 7 h 44 min
			clock.advance(Duration.ofMinutes(29));
			mvc.perform(get("/").session(session)).andExpect(status().isOk());
		}
		clock.advance(Duration.ofMinutes(17)); // 8 h 01 min
		mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/login?expired"));

		MockHttpSession fresh = TestAccounts.signIn(mvc, "sess-absolute", LoginTests.PASSWORD);
		mvc.perform(get("/").session(fresh)).andExpect(status().isOk());
	}

	@Test
	void changingOnesOwnPasswordSignsOutTheOtherSessionsOnly() throws Exception {
		accounts.create("sess-pw", LoginTests.PASSWORD, Role.LEGAL, false);
		MockHttpSession here = TestAccounts.signIn(mvc, "sess-pw", LoginTests.PASSWORD);
		MockHttpSession elsewhere = TestAccounts.signIn(mvc, "sess-pw", LoginTests.PASSWORD);

		mvc.perform(post("/account/password").session(here)
			.with(csrf())
			.param("currentPassword", LoginTests.PASSWORD)
			.param("newPassword", LoginTests.NEW_PASSWORD)
			.param("repeatPassword", LoginTests.NEW_PASSWORD)).andExpect(redirectedUrl("/"));

		mvc.perform(get("/").session(here)).andExpect(status().isOk());
		mvc.perform(get("/").session(elsewhere)).andExpect(redirectedUrl("/login?expired"));
	}

}
