package cn.wucheng.cq.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.wucheng.cq.support.Users;

/** The newcomer's first step: an empty system offers the demo bureau, loads it once through the importers. */
@SpringBootTest(properties = "cq.test.context=demo-loader")
@AutoConfigureMockMvc
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoLoaderTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	@Order(1)
	void anEmptySystemOffersTheDemoToTheLegalSectionButNotToAnOfficer() throws Exception {
		mvc.perform(get("/").with(Users.legalSection()))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("/demo/load")));
		mvc.perform(post("/demo/load").with(csrf()).with(Users.officer(1L, 1L))).andExpect(status().isForbidden());
		assertThat(count("case_file")).isZero();
	}

	@Test
	@Order(2)
	void loadingFillsTheSystemWithLastYearsBureauThroughTheImporters() throws Exception {
		mvc.perform(post("/demo/load").with(csrf()).with(Users.legalSection()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attributeExists("flashSuccess"));
		int lastYear = LocalDate.now().getYear() - 1;
		assertThat(count("person")).isBetween(200L, 300L);
		assertThat(count("case_file")).isBetween(1000L, 2000L);
		assertThat(count("case_return")).isPositive();
		assertThat(count("excellent_award")).isPositive();
		assertThat(jdbc.sql("select count(*) from case_file where extract(year from filed_on) = ?")
			.param(lastYear)
			.query(Long.class)
			.single()).isEqualTo(count("case_file"));
		assertThat(jdbc.sql("select count(*) from audit_log where action = 'IMPORT'").query(Long.class).single())
			.as("each list's import is audited").isEqualTo(6);
	}

	@Test
	@Order(3)
	void aSecondLoadIsRefusedAndChangesNothing() throws Exception {
		long cases = count("case_file");
		mvc.perform(post("/demo/load").with(csrf()).with(Users.admin()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flashError", "系统中已有案件数据，不能再加载演示数据"));
		assertThat(count("case_file")).isEqualTo(cases);
		mvc.perform(get("/").with(Users.legalSection()))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("/demo/load"))));
	}

	private long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

}
