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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDateTime;

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

/**
 * The 等保 defaults are settings: cq.security.password-expiry-days, password-history, lockout-max-failures,
 * lockout-duration and session-absolute-timeout change the behaviour without code.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(properties = { "cq.security.password-expiry-days=30", "cq.security.password-history=2",
		"cq.security.lockout-max-failures=3", "cq.security.lockout-duration=2m",
		"cq.security.session-absolute-timeout=1h" })
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
class ConfiguredSecuritySettingsTests {

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

	@Test
	void threeWrongPasswordsLockTheAccountForTwoMinutes() throws Exception {
		accounts.create("cfg-lock", LoginTests.PASSWORD, Role.LEGAL, false);
		for (int i = 1; i <= 3; i++) {
			mvc.perform(formLogin().user("cfg-lock").password("wrong")).andExpect(unauthenticated());
		}
		mvc.perform(formLogin().user("cfg-lock").password(LoginTests.PASSWORD)).andExpect(unauthenticated());
		clock.advance(Duration.ofMinutes(2).plusSeconds(5));
		mvc.perform(formLogin().user("cfg-lock").password(LoginTests.PASSWORD)).andExpect(authenticated());
	}

	@Test
	void passwordsExpireAfterThirtyDaysAndOnlyTheLastTwoAreRemembered() throws Exception {
		accounts.create("cfg-expiry", "Hx5#pond-Lily", Role.LEGAL, false);
		jdbc.sql("update app_user set password_changed_at = ? where username = 'cfg-expiry'")
			.param(LocalDateTime.now())
			.update();
		clock.advance(Duration.ofDays(30).plusMinutes(1));
		MockHttpSession session = TestAccounts.signIn(mvc, "cfg-expiry", "Hx5#pond-Lily");
		mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/account/password"));
		mvc.perform(get("/account/password").session(session))
			.andExpect(content().string(containsString("已使用超过 30 天")))
			.andExpect(content().string(containsString("最近 2 次")));

		change(session, "Hx5#pond-Lily", "Kr8$stone-Fern");
		change(session, "Kr8$stone-Fern", "Wq3!cloud-Reed");
		// the last two are Kr8…, Wq3…: the first one may come back
		mvc.perform(post("/account/password").session(session)
			.with(csrf())
			.param("currentPassword", "Wq3!cloud-Reed")
			.param("newPassword", "Kr8$stone-Fern")
			.param("repeatPassword", "Kr8$stone-Fern")).andExpect(content().string(containsString("最近 2 次")));
		change(session, "Wq3!cloud-Reed", "Hx5#pond-Lily");
	}

	@Test
	void theAbsoluteSessionLimitIsASettingToo() throws Exception {
		accounts.create("cfg-session", LoginTests.PASSWORD, Role.LEGAL, false);
		MockHttpSession session = TestAccounts.signIn(mvc, "cfg-session", LoginTests.PASSWORD);
		clock.advance(Duration.ofMinutes(29));
		mvc.perform(get("/").session(session)).andExpect(status().isOk());
		clock.advance(Duration.ofMinutes(29));
		mvc.perform(get("/").session(session)).andExpect(status().isOk());
		clock.advance(Duration.ofMinutes(3));
		mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/login?expired"));
	}

	@Test
	void zeroDaysMeansPasswordsNeverExpire() {
		LocalDateTime set = LocalDateTime.of(2020, 1, 1, 0, 0);
		assertThat(AccountDetailsService.expired(set, 0, set.plusYears(10))).isFalse();
		assertThat(AccountDetailsService.expired(set, 90, set.plusDays(89))).isFalse();
		assertThat(AccountDetailsService.expired(set, 90, set.plusDays(90))).isTrue();
	}

	private void change(MockHttpSession session, String current, String next) throws Exception {
		mvc.perform(post("/account/password").session(session)
			.with(csrf())
			.param("currentPassword", current)
			.param("newPassword", next)
			.param("repeatPassword", next)).andExpect(redirectedUrl("/"));
	}

}
