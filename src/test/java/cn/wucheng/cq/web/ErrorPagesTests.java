package cn.wucheng.cq.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.TestClock;
import cn.wucheng.cq.support.Users;

/** The error pages in the running application: unknown URLs, forbidden pages, the API's JSON errors. */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
class ErrorPagesTests {

	@Autowired
	MockMvc mvc;

	@Test
	void anUnknownUrlIsTheNotFoundPageInChinese() throws Exception {
		String html = mvc.perform(get("/no/such/page").with(Users.legalSection()))
			.andExpect(status().isNotFound())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("找不到您要的页面或数据。", "返回首页").doesNotContain("Exception", "at cn.");
	}

	@Test
	void anUnknownApiUrlIs404Json() throws Exception {
		mvc.perform(get("/api/v1/no-such-thing").with(Users.legalSection()))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.errors[0].message").value("找不到您要的页面或数据。"));
	}

	@Test
	void aPageOfAnotherRoleIsTheForbiddenPage() throws Exception {
		String html = mvc.perform(get("/admin/users").with(Users.officer(1L, 1L)))
			.andExpect(status().isForbidden())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("您没有权限访问此页面或数据。").doesNotContain("AccessDenied", "at org.");
	}

	@Test
	void theHomePageShowsTheSignedInUsersName() throws Exception {
		String html = mvc.perform(get("/").with(Users.legalSection()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("LEGAL", "修改密码", "两步验证").doesNotContain("审计日志"); // the audit log is AUDIT_ADMIN's
	}

}
