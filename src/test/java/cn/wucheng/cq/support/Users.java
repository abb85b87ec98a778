package cn.wucheng.cq.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.wucheng.cq.security.AccountPrincipal;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.security.Role;

/** Signed-in users for MockMvc requests, one per role, in the language of the bureau. */
public final class Users {

	private Users() {
	}

	public static RequestPostProcessor as(Role role, Long unitId, Long personId) {
		CurrentUser user = new CurrentUser(900L + role.ordinal(), role.name().toLowerCase(), role.name(), role, unitId,
				personId);
		AccountPrincipal principal = AccountPrincipal.active(user);
		return authentication(
				UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
	}

	public static RequestPostProcessor admin() {
		return as(Role.ADMIN, null, null);
	}

	public static RequestPostProcessor legalSection() {
		return as(Role.LEGAL, null, null);
	}

	public static RequestPostProcessor supervision() {
		return as(Role.SUPERVISION, null, null);
	}

	public static RequestPostProcessor leader() {
		return as(Role.LEADER, null, null);
	}

	public static RequestPostProcessor squadLeaderOf(Long unitId) {
		return as(Role.SQUAD_LEADER, unitId, null);
	}

	public static RequestPostProcessor legalOfficerOf(Long unitId) {
		return as(Role.LEGAL_OFFICER, unitId, null);
	}

	public static RequestPostProcessor officer(Long personId, Long unitId) {
		return as(Role.OFFICER, unitId, personId);
	}

}
