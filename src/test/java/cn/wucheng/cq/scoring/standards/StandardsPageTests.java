package cn.wucheng.cq.scoring.standards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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

import cn.wucheng.cq.settings.RuleSettings;
import cn.wucheng.cq.support.Bureau;
import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.Users;

/**
 * The standards page, the yearly-standard form of 法制科 and the .xlsx export. Units 页面*, 工号 PAGE-* and the years
 * 2031–2033 (for edits) are unique to this class.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(properties = "cq.test.context=standards")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StandardsPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RuleSettings settings;

	long squad;

	long otherSquad;

	@BeforeAll
	void aBureau() {
		Bureau bureau = new Bureau(jdbc);
		squad = bureau.unit("页面一中队", "直属中队");
		otherSquad = bureau.unit("页面二中队", "二类中队");
		// this 二类中队 started before its batch (1 May), so its officers are assessed from 2024-Q1
		jdbc.sql("insert into unit_rollout_start (unit_id, starts_on, updated_by, updated_at) values (?, ?, 'test', now())")
			.params(otherSquad, java.time.LocalDate.of(2024, 1, 1))
			.update();
		long a = bureau.officer("PAGE-01", "页面甲", squad);
		long b = bureau.officer("PAGE-02", "=HYPERLINK(\"http://x\")", squad);
		bureau.person("PAGE-03", "页面老将", "MALE", LocalDate.of(1960, 1, 1), "FORMAL", squad, "MEMBER");
		long c = bureau.officer("PAGE-04", "页面乙", otherSquad);
		bureau.concludedCase("PAGE-C1", "普通程序", squad, a, b, LocalDate.of(2024, 2, 1));
		bureau.concludedCase("PAGE-C2", "普通程序", squad, a, b, LocalDate.of(2024, 2, 2));
		bureau.concludedCase("PAGE-C3", "简易程序", otherSquad, c, a, LocalDate.of(2024, 2, 3));
	}

	@Test
	void theLegalSectionSeesEveryOfficerTheSummaryTheDefaultStandardAndTheForm() throws Exception {
		String html = page("/standards?period=2024-Q1", mvc.perform(get("/standards?period=2024-Q1")
			.with(Users.legalSection())).andExpect(status().isOk()).andReturn());

		assertThat(html).contains("2024年第1季度办案标准考核", "页面甲", "页面乙", "页面老将", "standards-summary", "免考核")
			.contains("id=\"standard-form\"")
			.contains("默认")
			.contains("/standards/export?period=2024-Q1");
		assertThat(html).doesNotContain("??");
	}

	@Test
	void theSummaryCountsThePeopleOfEachUnitAndNamesThoseBelowTheStandard() throws Exception {
		MvcResult r = mvc.perform(get("/standards?period=2024-Q1").with(Users.legalSection())).andReturn();
		@SuppressWarnings("unchecked")
		List<UnitStandardSummary> summary = (List<UnitStandardSummary>) r.getModelAndView().getModel().get("summary");

		UnitStandardSummary first = summary.stream().filter(u -> u.unitId() == squad).findFirst().orElseThrow();
		assertThat(first.officers()).isEqualTo(3);
		assertThat(first.met()).isEqualTo(2);
		assertThat(first.exempt()).isEqualTo(1);
		UnitStandardSummary second = summary.stream().filter(u -> u.unitId() == otherSquad).findFirst().orElseThrow();
		assertThat(second.notMetNames()).containsExactly("页面乙");
	}

	@Test
	void theStatusAndUnitFiltersNarrowTheList() throws Exception {
		MvcResult r = mvc
			.perform(get("/standards").param("period", "2024-Q1")
				.param("unit", Long.toString(squad))
				.param("status", "EXEMPT")
				.with(Users.legalSection()))
			.andExpect(status().isOk())
			.andReturn();
		@SuppressWarnings("unchecked")
		List<OfficerStandard> rows = (List<OfficerStandard>) r.getModelAndView().getModel().get("rows");

		assertThat(rows).extracting(OfficerStandard::employeeNo).containsExactly("PAGE-03");
	}

	@Test
	void aSquadLeaderSeesOnlyHisSquadAndNoForm() throws Exception {
		String html = mvc.perform(get("/standards?period=2024-Q1").with(Users.squadLeaderOf(squad)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);

		assertThat(html).contains("页面甲").doesNotContain("页面乙").doesNotContain("id=\"standard-form\"");
	}

	@Test
	void anOfficerSeesHisOwnRowAndTheAdministratorNothing() throws Exception {
		long me = jdbc.sql("select id from person where employee_no = 'PAGE-04'").query(Long.class).single();
		String html = mvc.perform(get("/standards?period=2024-Q1").with(Users.officer(me, otherSquad)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);

		assertThat(html).contains("页面乙").doesNotContain("页面甲");
		mvc.perform(get("/standards").with(Users.admin())).andExpect(status().isForbidden());
		mvc.perform(get("/standards/export?period=2024-Q1").with(Users.admin())).andExpect(status().isForbidden());
	}

	@Test
	void aPeriodThatIsNotAQuarterIsRefusedWithTheOneBadPeriodMessage() throws Exception {
		// issue 15 item 2: the period converter refuses it (400) instead of the page showing another quarter
		mvc.perform(get("/standards?period=2024").with(Users.supervision()))
			.andExpect(status().isBadRequest())
			.andExpect(model().attribute("errorMessage", org.hamcrest.Matchers.containsString("期间有误")));
	}

	@Test
	void theLegalSectionChangesAYearsStandardWhichIsAuditedAndNoLongerDefault() throws Exception {
		mvc.perform(post("/standards/yearly").with(Users.legalSection())
			.with(csrf())
			.param("year", "2031")
			.param("simpleMin", "1")
			.param("ordinaryMin", "3")
			.param("shownYear", "2031")
			.param("shownSimpleMin", "0")
			.param("shownOrdinaryMin", "2")
			.param("period", "2031-Q2"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/standards?period=2031-Q2"))
			.andExpect(flash().attribute("flashSuccess", "2031 年度办案标准已保存：简易程序 ≥ 1 件，普通程序 ≥ 3 件。"));

		assertThat(settings.standard(2031)).isEqualTo(new RuleSettings.YearlyStandard(2031, 1, 3, false));
		assertThat(jdbc.sql("select count(*) from audit_log where action = 'STANDARD_CHANGED' and entity_key = '2031'")
			.query(Integer.class)
			.single()).isEqualTo(1);
		MvcResult page = mvc.perform(get("/standards?period=2031-Q2").with(Users.legalSection())).andReturn();
		assertThat(((RuleSettings.YearlyStandard) page.getModelAndView().getModel().get("yearly")).isDefault()).isFalse();
		assertThat(((CaseCounts) page.getModelAndView().getModel().get("halved"))).isEqualTo(new CaseCounts(1, 2));
	}

	@Test
	void aStandardChangedBySomeoneElseMeanwhileIsNotOverwritten() throws Exception {
		settings.setStandard(2032, 4, 4, "another-legal-user");

		mvc.perform(post("/standards/yearly").with(Users.legalSection())
			.with(csrf())
			.param("year", "2032")
			.param("simpleMin", "1")
			.param("ordinaryMin", "1")
			.param("shownYear", "2032")
			.param("shownSimpleMin", "0")
			.param("shownOrdinaryMin", "2")
			.param("period", "2032-Q1"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flashError",
					"2032 年度办案标准已被他人修改（现为简易 ≥ 4 件，普通 ≥ 4 件），您的修改未保存，请确认后重试。"));

		assertThat(settings.standard(2032).ordinaryMin()).isEqualTo(4);
	}

	@Test
	void invalidMinimumsAreRefusedWithMessagesAtTheirFields() throws Exception {
		String html = mvc
			.perform(post("/standards/yearly").with(Users.legalSection())
				.with(csrf())
				.param("year", "2033")
				.param("simpleMin", "-1")
				.param("ordinaryMin", "abc")
				.param("period", "2033-Q1"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("standardForm", "simpleMin", "ordinaryMin"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);

		assertThat(html).contains("年度标准未保存，请按提示修改。", "最低件数须为 0 至 99 之间的整数。", "普通程序最低件数须为整数。");
		assertThat(settings.standard(2033).isDefault()).isTrue();
	}

	@Test
	void onlyTheLegalSectionChangesTheStandard() throws Exception {
		mvc.perform(post("/standards/yearly").with(Users.supervision())
			.with(csrf())
			.param("year", "2033")
			.param("simpleMin", "1")
			.param("ordinaryMin", "1")).andExpect(status().isForbidden());
		mvc.perform(post("/standards/yearly").with(Users.squadLeaderOf(squad))
			.with(csrf())
			.param("year", "2033")
			.param("simpleMin", "1")
			.param("ordinaryMin", "1")).andExpect(status().isForbidden());

		assertThat(settings.standard(2033).isDefault()).isTrue();
	}

	@Test
	void theExportIsARealWorkbookWithFormulaLikeTextQuoted() throws Exception {
		MvcResult r = mvc.perform(get("/standards/export?period=2024-Q1").with(Users.squadLeaderOf(squad)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type",
					"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.andReturn();
		assertThat(r.getResponse().getHeader("Content-Disposition")).contains("attachment").contains(".xlsx");

		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.getResponse().getContentAsByteArray()))) {
			Sheet sheet = wb.getSheetAt(0);
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("工号");
			assertThat(sheet.getRow(1).getCell(9).getStringCellValue()).isEqualTo("状态");
			assertThat(sheet.getLastRowNum()).isEqualTo(4); // title, header, three officers of his squad only
			Row first = sheet.getRow(2);
			assertThat(first.getCell(0).getStringCellValue()).isEqualTo("PAGE-01");
			assertThat(first.getCell(4).getStringCellValue()).isEqualTo("全员办案");
			assertThat(first.getCell(8).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(first.getCell(8).getNumericCellValue()).isEqualTo(2.0);
			assertThat(first.getCell(9).getStringCellValue()).isEqualTo("达标");
			assertThat(first.getCell(1).getCellStyle().getQuotePrefixed()).isFalse();
			Row injected = sheet.getRow(3);
			assertThat(injected.getCell(1).getCellType()).isEqualTo(CellType.STRING);
			assertThat(injected.getCell(1).getStringCellValue()).isEqualTo("=HYPERLINK(\"http://x\")");
			assertThat(injected.getCell(1).getCellStyle().getQuotePrefixed()).isTrue();
		}
	}

	@Test
	void theExportRefusesAPeriodThatIsNotAQuarter() throws Exception {
		mvc.perform(get("/standards/export?period=2024").with(Users.legalSection()))
			.andExpect(status().isBadRequest());
	}

	/** Every script of a page has a src: the CSP allows no inline script. */
	static void assertNoInlineScript(String html) {
		Matcher m = Pattern.compile("<script\\b([^>]*)>").matcher(html);
		while (m.find()) {
			assertThat(m.group(1)).as("script tag attributes").contains("src=");
		}
		assertThat(html).doesNotContainPattern("\\son[a-z]+=\"");
	}

	private static String page(String url, MvcResult r) throws Exception {
		String html = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertNoInlineScript(html);
		return html;
	}

}
