package cn.wucheng.cq.scoring.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import cn.wucheng.cq.support.Bureau;
import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.Users;

/** The coverage page: table, chart data in data-* attributes, no inline script, roles. Units 图表* are unique. */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(properties = "cq.test.context=standards")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CoveragePageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	long direct;

	long empty;

	@BeforeAll
	void aBureau() {
		Bureau bureau = new Bureau(jdbc);
		direct = bureau.unit("图表直属中队", "直属中队");
		empty = bureau.unit("图表空直属中队", "直属中队");
		bureau.manages(direct, "民政", "教育");
		long a = bureau.officer("CHART-01", "图甲", direct);
		long b = bureau.officer("CHART-02", "图乙", direct);
		bureau.caseIn("CHART-C1", "普通程序", "教育", direct, a, b, LocalDate.of(2024, 3, 1), null);
	}

	@Test
	void theLegalSectionSeesEachSquadWithRateTargetMissingDomainsAndTheChartData() throws Exception {
		String html = html(mvc.perform(get("/coverage?year=2024&asOf=2024-09-30").with(Users.legalSection()))
			.andExpect(status().isOk())
			.andReturn());

		assertThat(html).contains("2024 年执法领域覆盖率（截至 2024-09-30）", "图表直属中队", "1 / 2", "50.00%", "民政")
			.contains("data-unit=\"图表直属中队\"", "data-covered=\"1\"", "data-target=\"2\"")
			.contains("id=\"coverage-chart\"", "/js/coverage.js", "echarts.min.js")
			.contains("未配置管理领域")
			.doesNotContain("??");
		Matcher m = Pattern.compile("<script\\b([^>]*)>").matcher(html);
		while (m.find()) {
			assertThat(m.group(1)).contains("src=");
		}
	}

	@Test
	void withoutParametersThePageShowsTheYearOfTheLatestCasesUpToItsDeadline() throws Exception {
		// issue 13: this context's cases are of 2024, so the page opens on 2024, not on today's empty year
		int year = 2024;
		mvc.perform(get("/coverage").with(Users.leader()))
			.andExpect(status().isOk())
			.andExpect(model().attribute("year", year))
			.andExpect(model().attribute("asOf", LocalDate.of(year, 9, 30)));
	}

	@Test
	void badParametersShowAWarning() throws Exception {
		mvc.perform(get("/coverage?year=2024&asOf=2023-01-01").with(Users.supervision()))
			.andExpect(status().isOk())
			.andExpect(model().attributeExists("badInput"));
	}

	@Test
	void aSquadLeaderSeesOnlyHisSquad() throws Exception {
		MvcResult r = mvc.perform(get("/coverage?year=2024").with(Users.squadLeaderOf(direct)))
			.andExpect(status().isOk())
			.andReturn();
		@SuppressWarnings("unchecked")
		List<SquadCoverage> squads = (List<SquadCoverage>) r.getModelAndView().getModel().get("squads");

		assertThat(squads).extracting(SquadCoverage::unitName).containsExactly("图表直属中队");
	}

	@Test
	void officersAndTheAdministratorMayNotOpenIt() throws Exception {
		mvc.perform(get("/coverage").with(Users.officer(1L, direct))).andExpect(status().isForbidden());
		mvc.perform(get("/coverage").with(Users.admin())).andExpect(status().isForbidden());
	}

	private static String html(MvcResult r) throws Exception {
		return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
