package cn.wucheng.cq.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
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
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.TestClock;

/**
 * Every endpoint states who may call it: each handler method of the application carries {@code @PreAuthorize} (on
 * the method or its class) unless it is on the public allowlist below. Endpoints added later by anyone are checked
 * too, because the list comes from Spring MVC's own registry.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
class EveryEndpointIsGuardedTests {

	/** Application endpoints anyone may call (SecurityConfig permits them too). "Class#method". */
	static final Set<String> PUBLIC = Set.of("HomeController#login");

	/**
	 * Endpoints of libraries: they carry no annotation of ours. The error page is public; the OpenAPI documentation
	 * needs a login (SecurityConfig's "any request authenticated"). A library adding another controller fails this
	 * test until someone decides how it is guarded.
	 */
	static final Set<String> LIBRARY = Set.of("org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController",
			"org.springdoc.webmvc.api.OpenApiWebMvcResource", "org.springdoc.webmvc.ui.SwaggerConfigResource",
			"org.springdoc.webmvc.ui.SwaggerWelcomeWebMvc");

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	@Test
	void everyApplicationEndpointHasPreAuthorizeUnlessPublic() {
		List<String> unguarded = new ArrayList<>();
		List<String> permitAll = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
			HandlerMethod handler = e.getValue();
			Class<?> type = handler.getBeanType();
			if (!type.getName().startsWith("cn.wucheng.cq.")) {
				continue;
			}
			String name = type.getSimpleName() + "#" + handler.getMethod().getName();
			PreAuthorize rule = rule(handler.getMethod(), type);
			if (PUBLIC.contains(name)) {
				continue;
			}
			if (rule == null) {
				unguarded.add(name + " " + e.getKey());
			}
			else if (rule.value().replace(" ", "").contains("permitAll")) {
				permitAll.add(name + " " + e.getKey());
			}
		}
		assertThat(unguarded).as("endpoints without @PreAuthorize (add the roles allowed)").isEmpty();
		assertThat(permitAll).as("@PreAuthorize(\"permitAll()\") outside the public allowlist").isEmpty();
	}

	@Test
	void librariesAddOnlyTheEndpointsWeKnowAbout() {
		List<String> unknown = mapping.getHandlerMethods()
			.values()
			.stream()
			.map(h -> h.getBeanType().getName())
			.filter(n -> !n.startsWith("cn.wucheng.cq."))
			.filter(n -> !LIBRARY.contains(n))
			.distinct()
			.toList();
		assertThat(unknown).isEmpty();
	}

	@Test
	void theRegistryReallyListsTheApplicationsEndpoints() {
		// Guards the guard: if the scan found nothing, the first test would pass for the wrong reason.
		List<String> names = mapping.getHandlerMethods()
			.values()
			.stream()
			.map(h -> h.getBeanType().getSimpleName() + "#" + h.getMethod().getName())
			.toList();
		assertThat(names).contains("HomeController#home", "HomeController#login", "AccountAdminController#list",
				"PasswordController#change", "AuditController#export");
		assertThat(rule(method("home"), HomeController.class)).isNotNull();
	}

	static PreAuthorize rule(Method method, Class<?> type) {
		PreAuthorize onMethod = AnnotatedElementUtils.findMergedAnnotation(method, PreAuthorize.class);
		return onMethod != null ? onMethod : AnnotatedElementUtils.findMergedAnnotation(type, PreAuthorize.class);
	}

	private static Method method(String name) {
		for (Method m : HomeController.class.getDeclaredMethods()) {
			if (m.getName().equals(name)) {
				return m;
			}
		}
		throw new IllegalArgumentException(name);
	}

}
