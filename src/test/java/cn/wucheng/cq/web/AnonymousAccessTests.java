package cn.wucheng.cq.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.TestClock;

/**
 * No anonymous access to data (API.md): every page of every module redirects to the login page and every
 * {@code /api/**} call answers 401; only the login page, the error page and the health check are public.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
class AnonymousAccessTests {

	static final Set<String> PUBLIC_PATHS = Set.of("/login", "/error");

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	@Test
	void everyMappedPageRedirectsToLoginAndEveryApiCallAnswers401() throws Exception {
		List<String> leaks = new ArrayList<>();
		int checked = 0;
		for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
			Set<RequestMethod> methods = e.getKey().getMethodsCondition().getMethods();
			for (String pattern : e.getKey().getPatternValues()) {
				String path = pattern.replaceAll("\\{[^}]*}", "1").replace("**", "x").replace("*", "x");
				if (PUBLIC_PATHS.contains(path)) {
					continue;
				}
				for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
					MockHttpServletResponse response = mvc
						.perform(request(HttpMethod.valueOf(method.name()), path).with(csrf()))
						.andReturn()
						.getResponse();
					checked++;
					boolean ok = path.startsWith("/api/") ? response.getStatus() == 401
							: response.getStatus() == 302 && String.valueOf(response.getRedirectedUrl()).endsWith("/login");
					if (!ok) {
						leaks.add(method + " " + path + " -> " + response.getStatus());
					}
				}
			}
		}
		assertThat(checked).isGreaterThan(5);
		assertThat(leaks).isEmpty();
	}

	@Test
	void anApiCallWithoutCredentialsGets401WithABasicChallengeAndAJsonError() throws Exception {
		mvc.perform(get("/api/v1/scores").param("period", "2024-Q1"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", containsString("Basic")))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("请先登录")));
		// a POST without a CSRF token is still "sign in", not "forbidden"
		mvc.perform(post("/api/v1/imports/cases")).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/v1/scores").with(httpBasic("nobody", "wrong"))).andExpect(status().isUnauthorized());
	}

	@Test
	void anUnknownPageStillAsksForALoginFirst() throws Exception {
		MockHttpServletResponse response = mvc.perform(get("/no/such/page")).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(302);
		assertThat(response.getRedirectedUrl()).endsWith("/login");
	}

	@Test
	void theLoginPageAndStaticFilesArePublic() throws Exception {
		mvc.perform(get("/login")).andExpect(status().isOk());
		mvc.perform(get("/css/app.css")).andExpect(status().isOk());
		mvc.perform(get("/js/app.js")).andExpect(status().isOk());
	}

	@Test
	void theHealthCheckIsPublicAndSaysUp() throws Exception {
		mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"))
			.andExpect(jsonPath("$.components").doesNotExist());
	}

}
