package cn.wucheng.cq.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import cn.wucheng.cq.support.SharedContextLock;

/**
 * API.md "Start and accounts": with CQ_ADMIN_PASSWORD / CQ_LEGAL_PASSWORD set, those are the passwords, no change
 * forced; the same for the security and audit administrators with CQ_SECURITY_PASSWORD / CQ_AUDIT_PASSWORD.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(properties = { "CQ_ADMIN_PASSWORD=Adm1n!Given#Pw", "CQ_LEGAL_PASSWORD=Leg4l!Given#Pw",
		"CQ_SECURITY_PASSWORD=S3cur!Given#Pw", "CQ_AUDIT_PASSWORD=Aud1t!Given#Pw" })
@AutoConfigureMockMvc
class FirstStartWithPasswordsFromTheEnvironmentTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void adminAndLegalSignInWithTheGivenPasswordsAndGoStraightToWork() throws Exception {
		// the administrators' next step is their second factor (SecondFactorTests), not a password change
		var admin = TestAccounts.signIn(mvc, "admin", "Adm1n!Given#Pw");
		mvc.perform(get("/admin/users").session(admin)).andExpect(redirectedUrl("/account/totp"));

		var legal = TestAccounts.signIn(mvc, "legal", "Leg4l!Given#Pw");
		mvc.perform(get("/").session(legal)).andExpect(status().isOk());

		assertThat(jdbc.sql("select role from app_user where username = 'admin'").query(String.class).single())
			.isEqualTo("ADMIN");
		assertThat(jdbc.sql("select role from app_user where username = 'legal'").query(String.class).single())
			.isEqualTo("LEGAL");
		assertThat(jdbc.sql("select count(*) from app_user where must_change_password").query(Integer.class).single())
			.isZero();
		assertThat(jdbc.sql("select role from app_user where username = 'security'").query(String.class).single())
			.isEqualTo("SECURITY_ADMIN");
		assertThat(jdbc.sql("select role from app_user where username = 'audit'").query(String.class).single())
			.isEqualTo("AUDIT_ADMIN");
		var audit = TestAccounts.signIn(mvc, "audit", "Aud1t!Given#Pw");
		mvc.perform(get("/audit").session(audit)).andExpect(redirectedUrl("/account/totp"));
		var security = TestAccounts.signIn(mvc, "security", "S3cur!Given#Pw");
		mvc.perform(get("/admin/users").session(security)).andExpect(redirectedUrl("/account/totp"));
		assertThat(jdbc.sql("select count(*) from audit_log where action = 'ACCOUNT_CREATED'").query(Integer.class).single())
			.isEqualTo(4);
	}

}
