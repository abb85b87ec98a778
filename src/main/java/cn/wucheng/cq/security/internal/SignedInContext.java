package cn.wucheng.cq.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

import cn.wucheng.cq.security.AccountPrincipal;

/**
 * Replaces the session's principal once a sign-in step is done (second factor verified, password changed), so the
 * {@link SignInStepsFilter} lets the user through without signing in again.
 */
final class SignedInContext {

	/** The same repository Spring Security uses by default, so the updated principal is kept in the session. */
	private static final SecurityContextRepository CONTEXTS = new DelegatingSecurityContextRepository(
			new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());

	private SignedInContext() {
	}

	static AccountPrincipal current() {
		return (AccountPrincipal) SecurityContextHolder.getContext().getAuthentication().getPrincipal();
	}

	static void replace(AccountPrincipal principal, HttpServletRequest request, HttpServletResponse response) {
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
		SecurityContextHolder.setContext(context);
		CONTEXTS.saveContext(context, request, response);
	}

}
