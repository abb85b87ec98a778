package cn.wucheng.cq.security.internal;

import java.time.LocalDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.wucheng.cq.security.AccountPrincipal;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.security.Role;

/** Accounts with a known password straight into {@code app_user}, and signing in with them through the login form. */
final class TestAccounts {

	private final JdbcClient jdbc;

	private final PasswordEncoder encoder;

	TestAccounts(JdbcClient jdbc, PasswordEncoder encoder) {
		this.jdbc = jdbc;
		this.encoder = encoder;
	}

	long create(String username, String password, Role role, boolean mustChangePassword) {
		return create(username, password, role, mustChangePassword, null, null);
	}

	long create(String username, String password, Role role, boolean mustChangePassword, Long unitId, Long personId) {
		jdbc.sql("""
				insert into app_user (username, password_hash, display_name, role, unit_id, person_id,
				  must_change_password, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(username, encoder.encode(password), "测试" + username, role.name(), unitId, personId,
					mustChangePassword, LocalDateTime.now())
			.update();
		return id(username);
	}

	long id(String username) {
		return jdbc.sql("select id from app_user where username = ?").param(username).query(Long.class).single();
	}

	/** Signs in through the login form and returns the session to send with the next requests. */
	static MockHttpSession signIn(MockMvc mvc, String username, String password) throws Exception {
		return (MockHttpSession) mvc.perform(formLogin().user(username).password(password))
			.andExpect(authenticated().withUsername(username))
			.andReturn()
			.getRequest()
			.getSession();
	}

	/** A MockMvc user with the given username (so "is it himself?" checks see his own account). */
	static RequestPostProcessor as(String username, Role role) {
		AccountPrincipal principal = AccountPrincipal
			.active(new CurrentUser(1L, username, username, role, null, null));
		return SecurityMockMvcRequestPostProcessors.authentication(
				UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
	}

	/** Creates an account with that password and signs it in. */
	static MockHttpSession signIn(MockMvc mvc, String username, String password, TestAccounts accounts)
			throws Exception {
		accounts.create(username, password, Role.LEGAL, false);
		return signIn(mvc, username, password);
	}

	int auditCount(String action, String entityKey) {
		return jdbc.sql("select count(*) from audit_log where action = ? and entity_key = ?")
			.params(action, entityKey)
			.query(Integer.class)
			.single();
	}

}
