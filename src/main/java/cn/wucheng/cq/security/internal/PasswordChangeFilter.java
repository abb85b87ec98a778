package cn.wucheng.cq.security.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.wucheng.cq.security.AccountPrincipal;

/** A user whose password was generated (API.md) or has expired must change it before anything else. */
@Component
class PasswordChangeFilter extends OncePerRequestFilter {

	static final String CHANGE_URL = "/account/password";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		String uri = request.getRequestURI().substring(request.getContextPath().length());
		if (auth != null && auth.getPrincipal() instanceof AccountPrincipal p && p.mustChangePassword()
				&& !uri.equals(CHANGE_URL) && !uri.equals("/logout") && !uri.startsWith("/webjars/")
				&& !uri.startsWith("/css/") && !uri.startsWith("/js/")) {
			if (uri.startsWith("/api/")) {
				response.setStatus(HttpServletResponse.SC_FORBIDDEN);
				response.setContentType(MediaType.APPLICATION_JSON_VALUE);
				response.setCharacterEncoding("UTF-8");
				response.getWriter()
					.write(p.passwordExpired() ? "{\"errors\":[{\"message\":\"密码已过期，须先在页面中修改密码\"}]}"
							: "{\"errors\":[{\"message\":\"首次登录须先修改密码\"}]}");
				return;
			}
			response.sendRedirect(request.getContextPath() + CHANGE_URL);
			return;
		}
		chain.doFilter(request, response);
	}

}
