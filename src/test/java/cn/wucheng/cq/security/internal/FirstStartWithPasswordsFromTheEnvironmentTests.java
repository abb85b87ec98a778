package cn.wucheng.cq.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** API.md "Start and accounts": with CQ_ADMIN_PASSWORD / CQ_LEGAL_PASSWORD set, those are the passwords, no change forced. */
@SpringBootTest(properties = { "CQ_ADMIN_PASSWORD=Adm1n!Given#Pw", "CQ_LEGAL_PASSWORD=Leg4l!Given#Pw" })
@AutoConfigureMockMvc
class FirstStartWithPasswordsFromTheEnvironmentTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void adminAndLegalSignInWithTheGivenPasswordsAndGoStraightToWork() throws Exception {
		var admin = TestAccounts.signIn(mvc, "admin", "Adm1n!Given#Pw");
		mvc.perform(get("/").session(admin)).andExpect(status().isOk());
		mvc.perform(get("/admin/users").session(admin)).andExpect(status().isOk());

		var legal = TestAccounts.signIn(mvc, "legal", "Leg4l!Given#Pw");
		mvc.perform(get("/").session(legal)).andExpect(status().isOk());

		assertThat(jdbc.sql("select role from app_user where username = 'admin'").query(String.class).single())
			.isEqualTo("ADMIN");
		assertThat(jdbc.sql("select role from app_user where username = 'legal'").query(String.class).single())
			.isEqualTo("LEGAL");
		assertThat(jdbc.sql("select count(*) from app_user where must_change_password").query(Integer.class).single())
			.isZero();
		assertThat(jdbc.sql("select count(*) from audit_log where action = 'ACCOUNT_CREATED'").query(Integer.class).single())
			.isEqualTo(2);
	}

}
