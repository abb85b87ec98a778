package cn.wucheng.cq.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * API.md "Start and accounts": without the environment variables each first account (admin, legal, and the
 * other two of the three administrators, security and audit) gets a generated password, printed once to the log,
 * that must be changed at first login. (Own context, so its start is in the captured log.)
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(properties = "cq.test.context=first-start-generated")
@AutoConfigureMockMvc
class FirstStartWithGeneratedPasswordsTests {

	private static final Pattern LOGGED = Pattern.compile("已创建账号 (admin|legal|security|audit)，初始密码 (\\S+)（首次登录须修改）");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountBootstrap bootstrap;

	@Test
	void theLoggedPasswordsSignInButEveryPageLeadsToThePasswordChangeFirst(CapturedOutput output) throws Exception {
		Matcher m = LOGGED.matcher(output.getAll());
		int found = 0;
		while (m.find()) {
			found++;
			var session = TestAccounts.signIn(mvc, m.group(1), m.group(2));
			// the three administrators enrol their second factor first, then change the password
			mvc.perform(get("/").session(session))
				.andExpect(redirectedUrl(m.group(1).equals("legal") ? "/account/password" : "/account/totp"));
		}
		assertThat(found).as("one log line per account").isEqualTo(4);
		assertThat(jdbc.sql("select count(*) from app_user where must_change_password").query(Integer.class).single())
			.isEqualTo(4);
		assertThat(jdbc.sql("select username || '=' || role from app_user order by username").query(String.class).list())
			.containsExactly("admin=ADMIN", "audit=AUDIT_ADMIN", "legal=LEGAL", "security=SECURITY_ADMIN");
	}

	@Test
	void aLaterStartCreatesNoAccountAndPrintsNoPassword(CapturedOutput output) {
		int before = output.getAll().length();
		bootstrap.run(new DefaultApplicationArguments());

		assertThat(output.getAll().substring(before)).doesNotContain("初始密码");
		assertThat(jdbc.sql("select count(*) from app_user").query(Integer.class).single()).isEqualTo(4);
	}

}
