package cn.wucheng.cq.web;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.TestClock;
import cn.wucheng.cq.support.Users;

/** Browser protections on every response: CSP (same-origin scripts, no framing), nosniff, no caching of pages. */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
class SecurityHeadersTests {

	@Autowired
	MockMvc mvc;

	@Test
	void theLoginPageCarriesTheProtectiveHeaders() throws Exception {
		expectProtectiveHeaders(mvc.perform(get("/login")));
	}

	@Test
	void aSignedInPageCarriesTheProtectiveHeadersAndIsNotCached() throws Exception {
		expectProtectiveHeaders(mvc.perform(get("/").with(Users.leader())));
	}

	@Test
	void theApiAndErrorsCarryThemToo() throws Exception {
		expectProtectiveHeaders(mvc.perform(get("/api/v1/scores")));
		expectProtectiveHeaders(mvc.perform(get("/admin/users").with(Users.officer(1L, 1L))));
	}

	private static void expectProtectiveHeaders(ResultActions result) throws Exception {
		result.andExpect(header().string("Content-Security-Policy", allOf(containsString("default-src 'self'"),
				containsString("script-src 'self'"), containsString("frame-ancestors 'none'"),
				containsString("object-src 'none'"), containsString("base-uri 'self'"),
				containsString("form-action 'self'"))))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("Cache-Control", allOf(containsString("no-cache"), containsString("no-store"))))
			.andExpect(header().string("Referrer-Policy", "same-origin"));
	}

}
