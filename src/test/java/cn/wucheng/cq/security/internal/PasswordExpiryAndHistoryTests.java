package cn.wucheng.cq.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
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
import org.springframework.test.web.servlet.ResultActions;

import cn.wucheng.cq.security.Role;
import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.TestClock;

/**
 * 等保 2.0 口令定期更换 with its defaults: a password expires after 90 days (then it must be changed at the next login,
 * like a generated one) and a new password may not repeat the last 5. (Other values: ConfiguredSecuritySettingsTests.)
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
class PasswordExpiryAndHistoryTests {

	static final String[] PASSWORDS = { "Hx5#pond-Lily", "Kr8$stone-Fern", "Wq3!cloud-Reed", "Tz6%river-Moss",
			"Bn2&field-Oak", "Jm9*brook-Pine" };

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
	void aPasswordOlderThanNinetyDaysMustBeChangedAtTheNextLoginBeforeAnythingElse() throws Exception {
		accounts.create("exp-user", LoginTests.PASSWORD, Role.LEGAL, false);
		jdbc.sql("update app_user set password_changed_at = ? where username = 'exp-user'")
			.param(LocalDateTime.now())
			.update();

		clock.advance(Duration.ofDays(89));
		MockHttpSession day89 = TestAccounts.signIn(mvc, "exp-user", LoginTests.PASSWORD);
		mvc.perform(get("/").session(day89)).andExpect(status().isOk());
		mvc.perform(get("/api/v1/no-such-call").with(httpBasic("exp-user", LoginTests.PASSWORD)))
			.andExpect(status().isNotFound());

		clock.advance(Duration.ofDays(1).plusMinutes(1));
		MockHttpSession day90 = TestAccounts.signIn(mvc, "exp-user", LoginTests.PASSWORD);
		mvc.perform(get("/").session(day90)).andExpect(redirectedUrl("/account/password"));
		mvc.perform(get("/account/password").session(day90))
			.andExpect(content().string(containsString("您的密码已使用超过 90 天，须修改后才能继续使用系统。")));
		mvc.perform(get("/api/v1/no-such-call").with(httpBasic("exp-user", LoginTests.PASSWORD)))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.errors[0].message").value("密码已过期，须先在页面中修改密码"));

		change(day90, LoginTests.PASSWORD, LoginTests.NEW_PASSWORD).andExpect(redirectedUrl("/"));
		mvc.perform(get("/").session(day90)).andExpect(status().isOk());
		clock.advance(Duration.ofDays(89));
		MockHttpSession later = TestAccounts.signIn(mvc, "exp-user", LoginTests.NEW_PASSWORD);
		mvc.perform(get("/").session(later)).andExpect(status().isOk());
	}

	@Test
	void anAccountThatNeverChangedItsPasswordExpiresNinetyDaysAfterItWasCreated() throws Exception {
		accounts.create("exp-never", LoginTests.PASSWORD, Role.LEGAL, false);

		clock.advance(Duration.ofDays(91));
		MockHttpSession session = TestAccounts.signIn(mvc, "exp-never", LoginTests.PASSWORD);
		mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/account/password"));
	}

	@Test
	void noneOfTheLastFivePasswordsMayBeUsedAgain() throws Exception {
		accounts.create("hist-user", PASSWORDS[0], Role.LEGAL, false);
		MockHttpSession session = TestAccounts.signIn(mvc, "hist-user", PASSWORDS[0]);
		for (int i = 1; i <= 4; i++) {
			change(session, PASSWORDS[i - 1], PASSWORDS[i]).andExpect(redirectedUrl("/"));
		}
		// current: 4; the last five: 0..4
		for (int i = 0; i <= 3; i++) {
			change(session, PASSWORDS[4], PASSWORDS[i]).andExpect(status().isOk())
				.andExpect(content().string(containsString("新密码不能与最近 5 次使用过的密码相同，请换一个。")));
		}
		change(session, PASSWORDS[4], PASSWORDS[4]).andExpect(content().string(containsString("新密码不能与当前密码相同。")));

		change(session, PASSWORDS[4], PASSWORDS[5]).andExpect(redirectedUrl("/"));
		// now the last five are 1..5: the first may come back, and only as many old hashes as needed are kept
		change(session, PASSWORDS[5], PASSWORDS[1]).andExpect(content().string(containsString("最近 5 次")));
		change(session, PASSWORDS[5], PASSWORDS[0]).andExpect(redirectedUrl("/"));
		assertThat(jdbc.sql("""
				select count(*) from password_history h join app_user u on u.id = h.user_id
				where u.username = 'hist-user'""").query(Integer.class).single()).isEqualTo(4);
		assertThat(accounts.auditCount("PASSWORD_CHANGED", "hist-user")).isEqualTo(6);
	}

	@Test
	void aPasswordResetByTheAdministratorCountsAsUsedToo() throws Exception {
		long id = accounts.create("hist-reset", PASSWORDS[0], Role.LEGAL, false);
		mvc.perform(post("/admin/users/" + id + "/reset-password").with(cn.wucheng.cq.support.Users.admin()).with(csrf()))
			.andExpect(redirectedUrl("/admin/users"));
		String issued = "Zz1!issued-" + id;
		jdbc.sql("update app_user set password_hash = ? where id = ?").params(encoder.encode(issued), id).update();

		MockHttpSession session = TestAccounts.signIn(mvc, "hist-reset", issued);
		change(session, issued, PASSWORDS[0]).andExpect(content().string(containsString("最近 5 次")));
		change(session, issued, PASSWORDS[1]).andExpect(redirectedUrl("/"));
	}

	@Test
	void theRulesOnThePageNameTheHistory() throws Exception {
		accounts.create("hist-page", LoginTests.PASSWORD, Role.LEGAL, false);
		MockHttpSession session = TestAccounts.signIn(mvc, "hist-page", LoginTests.PASSWORD);
		mvc.perform(get("/account/password").session(session))
			.andExpect(content().string(containsString("不能与最近 5 次使用过的密码（含当前密码）相同")));
	}

	private ResultActions change(MockHttpSession session, String current, String next) throws Exception {
		return mvc.perform(post("/account/password").session(session)
			.with(csrf())
			.param("currentPassword", current)
			.param("newPassword", next)
			.param("repeatPassword", next));
	}

}
