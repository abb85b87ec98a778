package cn.wucheng.cq.support;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.HttpSessionIdResolver;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.WebUtils;

/**
 * Sessions live in the database (Spring Session JDBC, issue 16), found by their cookie. MockMvc tests carry a
 * signed-in session from request to request as a {@code MockHttpSession} ({@code .session(s)}), not as a cookie: this
 * resolver also keeps the database session's id in that MockHttpSession, so those tests drive the real session store
 * (a session signed in, ended by a logout elsewhere, expired…) without being rewritten. A real request (the browser
 * journeys' Tomcat) has no MockHttpServletRequest inside: cookies only, as in production. Registered for every test
 * context in {@code META-INF/spring.factories}.
 */
public class MockMvcSessionIds implements HttpSessionIdResolver {

	static final String ATTRIBUTE = MockMvcSessionIds.class.getName() + ".id";

	private final CookieHttpSessionIdResolver cookies = new CookieHttpSessionIdResolver();

	/** With the application's cookie settings (Boot's from {@code server.servlet.session.cookie.*}). */
	MockMvcSessionIds(CookieSerializer serializer) {
		cookies.setCookieSerializer(serializer);
	}

	@Override
	public List<String> resolveSessionIds(HttpServletRequest request) {
		List<String> ids = new ArrayList<>(cookies.resolveSessionIds(request));
		HttpSession carried = carried(request, false);
		if (carried != null && carried.getAttribute(ATTRIBUTE) instanceof String id && !ids.contains(id)) {
			ids.add(0, id);
		}
		return ids;
	}

	@Override
	public void setSessionId(HttpServletRequest request, HttpServletResponse response, String sessionId) {
		cookies.setSessionId(request, response, sessionId);
		HttpSession carried = carried(request, true);
		if (carried != null) {
			carried.setAttribute(ATTRIBUTE, sessionId);
		}
	}

	@Override
	public void expireSession(HttpServletRequest request, HttpServletResponse response) {
		cookies.expireSession(request, response);
		HttpSession carried = carried(request, false);
		if (carried != null) {
			carried.removeAttribute(ATTRIBUTE);
		}
	}

	/** The MockHttpSession of a MockMvc request (null for a real one). */
	private static HttpSession carried(HttpServletRequest request, boolean create) {
		MockHttpServletRequest mock = WebUtils.getNativeRequest(request, MockHttpServletRequest.class);
		return mock == null ? null : mock.getSession(create);
	}

	/**
	 * What a test put into the MockHttpSession itself ({@code flashAttr(…)}: MockMvc saves it there before the request
	 * reaches the session filter) is moved into the database session, where the application looks for it.
	 */
	static class MovedAttributes extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			HttpSession carried = carried(request, false);
			if (carried != null) {
				for (String name : Collections.list(carried.getAttributeNames())) {
					if (!ATTRIBUTE.equals(name)) {
						request.getSession().setAttribute(name, carried.getAttribute(name));
						carried.removeAttribute(name);
					}
				}
			}
			chain.doFilter(request, response);
		}

	}

	/** Puts the resolver into the session filter of every test context (the cookie serializer stays the application's). */
	public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			ConfigurableListableBeanFactory beans = context.getBeanFactory();
			if (context instanceof GenericApplicationContext generic) {
				generic.registerBean("mockMvcSessionAttributes", FilterRegistrationBean.class, () -> {
					FilterRegistrationBean<Filter> moving = new FilterRegistrationBean<>(new MovedAttributes());
					moving.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 1);
					return moving;
				});
			}
			beans.addBeanPostProcessor(new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					if (bean instanceof SessionRepositoryFilter<?> filter) {
						filter.setHttpSessionIdResolver(new MockMvcSessionIds(beans.getBean(CookieSerializer.class)));
					}
					return bean;
				}

			});
		}

	}

}
