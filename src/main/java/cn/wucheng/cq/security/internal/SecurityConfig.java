package cn.wucheng.cq.security.internal;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.session.ConcurrentSessionFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;

import cn.wucheng.cq.security.Role;

/**
 * No anonymous access to data: every page needs a login, {@code /api/**} also takes HTTP Basic (for scripts; pages
 * do not), and
 * roles are checked on each controller method ({@code @PreAuthorize}) plus data scope inside (see CurrentUser).
 * Anonymous pages redirect to the login page; the API answers 401/403 as JSON ({@link ApiAwareErrorResponses}).
 * Wrong passwords are counted by {@link LoginAttempts} (lockout); the login page says why ({@link SignInFailureHandler}).
 */
@Configuration
@EnableMethodSecurity
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfig {

	private static final RequestMatcher API = ApiAwareErrorResponses::isApi;

	/**
	 * {@code /api/**}: HTTP Basic for scripts, or the session of a signed-in page user. Basic creates no session
	 * ({@link SessionCreationPolicy#NEVER}: an existing session is still used, which is how pages call the API; STATELESS
	 * would stop reading it). A call authenticated by Basic alone carries no cookie a foreign page could ride on, so it
	 * skips the CSRF check; any call with a session is checked.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain apiFilterChain(HttpSecurity http, SignInStepsFilter signInStepsFilter,
			ApiAwareErrorResponses apiErrors, SessionRegistry sessionRegistry, SessionLimits sessionLimits,
			JdbcClient jdbc) throws Exception {
		http.securityMatcher(API)
			.authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
			.httpBasic(basic -> basic.realmName("cq").authenticationEntryPoint(apiErrors))
			.exceptionHandling(e -> e.authenticationEntryPoint(apiErrors).accessDeniedHandler(apiErrors))
			.requestCache(cache -> cache.requestCache(new NullRequestCache()))
			.csrf(csrf -> csrf.ignoringRequestMatchers(SecurityConfig::basicWithoutSession))
			// No sessionConcurrency here: its registering strategy opens a session for every Basic call. The filter that
			// refuses sessions ended elsewhere (logout, disabled account, role change) is added by hand instead.
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
			.addFilter(new ConcurrentSessionFilter(sessionRegistry, sessionLimits))
			.addFilterAfter(sessionLimits, ConcurrentSessionFilter.class)
			.addFilterAfter(signInStepsFilter, BasicAuthenticationFilter.class)
			.addFilterBefore(new SignInBureauFilter(jdbc), BasicAuthenticationFilter.class);
		return withHeaders(http).build();
	}

	/** Pages: form login only. An Authorization header is ignored here (HTTP Basic is for {@code /api/**}). */
	@Bean
	@Order(2)
	SecurityFilterChain pageFilterChain(HttpSecurity http, SignInStepsFilter signInStepsFilter,
			ApiAwareErrorResponses apiErrors, LoginSuccessHandler loginSuccess, SessionRegistry sessionRegistry,
			SessionLimits sessionLimits, LogoutEverywhere logoutEverywhere, SignInFailureHandler signInFailure,
			JdbcClient jdbc) throws Exception {
		http.authorizeHttpRequests(auth -> auth
				.requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error").permitAll()
				// the web app manifest and its icons: a phone fetches them for the home screen without a session
				.requestMatchers("/manifest.webmanifest", "/icons/**").permitAll()
				.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
				// its own password is the one page an integration account needs: an issued (or expired) password must be
				// changed before the API lets it in, and nobody else may change it for it
				.requestMatchers("/account/password").authenticated()
				// an integration account (接口账号) is a system, not a person: the API only, never a page
				.anyRequest().access(AuthorizationManagers.allOf(AuthenticatedAuthorizationManager.authenticated(),
						AuthorizationManagers.not(AuthorityAuthorizationManager.hasRole(Role.INTEGRATION.name())))))
			.formLogin(form -> form.loginPage("/login")
				.successHandler(loginSuccess)
				.failureHandler(signInFailure)
				.permitAll())
			.exceptionHandling(e -> e.authenticationEntryPoint(apiErrors).accessDeniedHandler(apiErrors))
			.requestCache(cache -> cache.requestCache(pagesOnly()))
			.logout(logout -> logout.logoutUrl("/logout")
				.logoutSuccessUrl("/login?logout")
				.addLogoutHandler(logoutEverywhere))
			// Every session is registered (no limit on how many) so that logout, disabling an account or changing
			// its role can end all of them (SessionTerminator); SessionLimits ends idle and too old ones.
			.sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId())
				.sessionConcurrency(c -> c.maximumSessions(-1)
					.sessionRegistry(sessionRegistry)
					.expiredSessionStrategy(sessionLimits)))
			.addFilterAfter(sessionLimits, ConcurrentSessionFilter.class)
			// where it stands in the API chain (no Basic filter here, the position is the same): after the filters that
			// end expired sessions
			.addFilterAfter(signInStepsFilter, BasicAuthenticationFilter.class)
			.addFilterBefore(new SignInBureauFilter(jdbc), UsernamePasswordAuthenticationFilter.class);
		return withHeaders(http).build();
	}

	/** The response headers of both chains. */
	private static HttpSecurity withHeaders(HttpSecurity http) throws Exception {
		return http.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives(
						"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
								// object-src, base-uri and form-action do not fall back to default-src (wapiti, SECURITY.md)
								+ "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"))
				.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
				// Only on secure requests (HTTPS, or X-Forwarded-Proto: https from the proxy): one year, subdomains.
				.httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(31_536_000).includeSubDomains(true)));
	}

	/**
	 * Exempt from CSRF: an {@code Authorization: Basic} call that names no session (no cookie, none attached). Only the
	 * header's presence is not enough: a session cookie plus {@code Authorization: Bearer junk} would skip the check.
	 */
	static boolean basicWithoutSession(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)
				&& request.getRequestedSessionId() == null && request.getSession(false) == null;
	}

	/**
	 * After login the user returns to the page he asked for, but never to an API call, an htmx fragment or a form
	 * post (and anonymous API calls create no session).
	 */
	private static RequestCache pagesOnly() {
		HttpSessionRequestCache cache = new HttpSessionRequestCache();
		// a request with an Authorization header is a script's: redirected to the login page, it gets no session
		cache.setRequestMatcher(request -> "GET".equals(request.getMethod()) && !API.matches(request)
				&& request.getHeader(HttpHeaders.AUTHORIZATION) == null
				&& request.getHeader("HX-Request") == null
				&& !"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))
				&& !request.getRequestURI().endsWith("/favicon.ico"));
		return cache;
	}

	/** The filter runs inside the security chain only, not a second time as a servlet filter. */
	@Bean
	FilterRegistrationBean<SignInStepsFilter> signInStepsFilterRegistration(SignInStepsFilter filter) {
		FilterRegistrationBean<SignInStepsFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setEnabled(false);
		return registration;
	}

	@Bean
	FilterRegistrationBean<SessionLimits> sessionLimitsRegistration(SessionLimits filter) {
		FilterRegistrationBean<SessionLimits> registration = new FilterRegistrationBean<>(filter);
		registration.setEnabled(false);
		return registration;
	}

	/**
	 * No Micrometer observation around every security filter and authorisation: nothing here collects them, and the
	 * wrapping cost a tenth of a page view (province-scale issue). Audit events are recorded by the audit module.
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	/**
	 * Sessions live in the database (Spring Session JDBC, table spring_session; issue 16): every instance sees every
	 * session, so the registry is the session table itself, looked up by the signed-in username. Ending a session
	 * marks it expired there, and whichever instance its next request reaches refuses it.
	 */
	@Bean
	<S extends Session> SessionRegistry sessionRegistry(FindByIndexNameSessionRepository<S> sessions) {
		return new SpringSessionBackedSessionRegistry<>(sessions);
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

}
