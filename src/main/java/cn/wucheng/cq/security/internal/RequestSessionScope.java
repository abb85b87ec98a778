package cn.wucheng.cq.security.internal;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * One read of the session per request (issue 16): around each request, outside Spring Session's filter (which reads
 * the session and, once the response is committed, saves it and asks for it again), {@link MinuteSessions} keeps the
 * sessions the request read, so the security chain's registry and the filter's second question answer the same
 * session instead of reading the database again. Not a bean itself: a registration with its order.
 */
@Configuration(proxyBeanMethods = false)
class RequestSessionScope {

	/** Just outside Spring Session's filter, so the scope covers its last save and lookup too. */
	static final int ORDER = SessionRepositoryFilter.DEFAULT_ORDER - 1;

	@Bean
	FilterRegistrationBean<Filter> requestSessionScopeFilter() {
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ScopeFilter());
		registration.setOrder(ORDER);
		registration.setName("requestSessionScope");
		return registration;
	}

	static final class ScopeFilter implements Filter {

		@Override
		public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
				throws IOException, ServletException {
			try (MinuteSessions.RequestScope scope = MinuteSessions.openRequest()) {
				chain.doFilter(request, response);
			}
		}

	}

}
