package cn.wucheng.cq.cases;

import static cn.wucheng.cq.support.HtmlRows.cell;
import static cn.wucheng.cq.support.HtmlRows.keys;
import static cn.wucheng.cq.support.HtmlRows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.wucheng.cq.support.Bureau;
import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.Users;

/**
 * 案件 pages: the filterable, sortable, paged list (full page or htmx table), the case page with handlers, returns
 * and quality points, awards, flags for, and each role's scope.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CasePagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	long east;

	long west;

	long bulk;

	long zhang;

	long li;

	long wang;

	long aux;

	long zhao;

	long returnedCase;

	long westCase;

	@BeforeAll
	void bureau() {
		Bureau bureau = new Bureau(jdbc);
		east = bureau.unit("CT城东中队", "一类中队");
		west = bureau.unit("CT城西中队", "二类中队");
		zhang = bureau.officer("CT001", "张办案", east);
		li = bureau.officer("CT002", "李协办", east);
		wang = bureau.officer("CT003", "王办案", east);
		aux = bureau.auxiliary("CT004", "赵辅助", east);
		zhao = bureau.officer("CT005", "钱西队", west);
		long sun = bureau.officer("CT006", "孙西队", west);
		// CT-01: simple, recorded on video, no flag
		long c1 = bureau.caseIn("CT-01", "简易程序", "园林绿化", east, zhang, li, day(1, 10), day(1, 10));
		video(c1, "V001");
		// CT-02: simple, no 视频编号
		bureau.caseIn("CT-02", "简易程序", "园林绿化", east, li, zhang, day(2, 5), day(2, 5));
		// CT-03: ordinary with an auxiliary as co-handler
		bureau.caseIn("CT-03", "普通程序", "市容环境卫生", east, zhang, aux, day(3, 1), day(4, 20));
		// CT-04: ordinary handled by someone of another unit: allowed, no flag
		returnedCase = bureau.caseIn("CT-04", "普通程序", "城乡规划", east, wang, zhao, day(3, 15), day(5, 20));
		bureau.deductionItem("CTPC02", "文书不规范", "1");
		bureau.deductionItem("CTPC03", "法律适用错误", "1.5");
		bureau.returned(returnedCase, "CTPC02", day(5, 1));
		bureau.returned(returnedCase, "CTPC03", day(5, 1));
		bureau.award(returnedCase, "局级", day(6, 15));
		bureau.award(returnedCase, "市级", day(8, 1));
		// CT-05: ordinary from 路面查处 without video; CT-06: ordinary, not roadside, no video: fine
		long c5 = bureau.caseIn("CT-05", "普通程序", "市容环境卫生", east, wang, li, day(6, 1), null);
		jdbc.sql("update case_file set source = '路面查处' where id = ?").param(c5).update();
		bureau.caseIn("CT-06", "重大疑难", "水利", east, li, wang, day(6, 2), day(7, 30));
		westCase = bureau.caseIn("CT-07", "简易程序", "水利", west, zhao, sun, day(2, 2), day(2, 2));
		video(westCase, "V007");
		bulk = bureau.unit("CT大中队", "二类中队");
		long b1 = bureau.officer("CT101", "大一", bulk);
		long b2 = bureau.officer("CT102", "大二", bulk);
		for (int i = 1; i <= 55; i++) {
			LocalDate d = LocalDate.of(2023, 1, 1).plusDays(i);
			video(bureau.caseIn(String.format("CTB-%03d", i), "简易程序", "统计", bulk, b1, b2, d, d), "VB" + i);
		}
	}

	static LocalDate day(int month, int day) {
		return LocalDate.of(2024, month, day);
	}

	void video(long caseId, String no) {
		jdbc.sql("update case_file set video_no = ? where id = ?").params(no, caseId).update();
	}

	@Test
	void theListShowsEachColumnWithNamesJoined() throws Exception {
		String html = page(get("/cases").param("unit", String.valueOf(east)), Users.legalSection());
		String r = row(html, "data-case", "CT-03");
		assertThat(r).contains("普通程序").contains("市容环境卫生").contains("CT城东中队").contains("2024-03-01")
			.contains("2024-04-20").contains("张办案（CT001）").contains("赵辅助（CT004）").contains("决字第");
	}

	@Test
	void casesAreFilteredByUnitCategoryAndDomain() throws Exception {
		String unit = String.valueOf(east);
		assertThat(keys(page(get("/cases").param("unit", unit), Users.leader()), "data-case"))
			.containsExactlyInAnyOrder("CT-01", "CT-02", "CT-03", "CT-04", "CT-05", "CT-06");
		assertThat(keys(page(get("/cases").param("unit", unit).param("category", "SIMPLE"), Users.leader()),
				"data-case")).containsExactlyInAnyOrder("CT-01", "CT-02");
		assertThat(keys(page(get("/cases").param("unit", unit).param("domain", String.valueOf(domainId("市容环境卫生"))),
				Users.leader()), "data-case")).containsExactlyInAnyOrder("CT-03", "CT-05");
	}

	@Test
	void fromAndToFilterOnTheConclusionDateAndTheFiledRangeOnFiling() throws Exception {
		String unit = String.valueOf(east);
		assertThat(keys(page(get("/cases").param("unit", unit).param("from", "2024-04-01").param("to", "2024-06-30"),
				Users.leader()), "data-case")).as("latest conclusion first when filtering on it")
			.containsExactly("CT-04", "CT-03");
		assertThat(keys(page(get("/cases").param("unit", unit).param("filedFrom", "2024-03-01")
			.param("filedTo", "2024-03-31"), Users.leader()), "data-case")).containsExactlyInAnyOrder("CT-03", "CT-04");
	}

	@Test
	void casesAreFoundByHandlerNumberOrNameAndByCaseNumber() throws Exception {
		assertThat(keys(page(get("/cases").param("handler", "ct005"), Users.leader()), "data-case"))
			.containsExactlyInAnyOrder("CT-04", "CT-07");
		assertThat(keys(page(get("/cases").param("handler", "王办案"), Users.leader()), "data-case"))
			.containsExactlyInAnyOrder("CT-04", "CT-05", "CT-06");
		assertThat(keys(page(get("/cases").param("handler", "没有这个人"), Users.leader()), "data-case")).isEmpty();
		assertThat(keys(page(get("/cases").param("q", "CT-0"), Users.leader()), "data-case")).hasSize(7);
		assertThat(keys(page(get("/cases").param("q", "CTB-05"), Users.leader()), "data-case"))
			.containsExactlyInAnyOrder("CTB-050", "CTB-051", "CTB-052", "CTB-053", "CTB-054", "CTB-055");
	}

	@Test
	void anAuxiliaryHandlerIsFlaggedUnderR11ButAHandlerFromAnotherUnitIsNot() throws Exception {
		String html = page(get("/cases").param("unit", String.valueOf(east)), Users.legalSection());
		assertThat(cell(row(html, "data-case", "CT-03"), "flags")).isEqualTo("辅助人员承办");
		assertThat(cell(row(html, "data-case", "CT-04"), "flags")).isEmpty();
		assertThat(page(get("/cases/{id}", caseId("CT-03")), Users.legalSection()))
			.contains("data-flag=\"AUXILIARY_HANDLER\"").contains("辅助人员被登记为承办人");
	}

	@Test
	void aSimpleOrRoadsideCaseWithoutVideoIsFlaggedUnderR50() throws Exception {
		String html = page(get("/cases").param("unit", String.valueOf(east)), Users.legalSection());
		assertThat(cell(row(html, "data-case", "CT-02"), "flags")).isEqualTo("缺视频编号");
		assertThat(cell(row(html, "data-case", "CT-05"), "flags")).isEqualTo("缺视频编号");
		assertThat(cell(row(html, "data-case", "CT-01"), "flags")).as("simple with video").isEmpty();
		assertThat(cell(row(html, "data-case", "CT-06"), "flags")).as("ordinary, not roadside").isEmpty();
	}

	@Test
	void onlyFlaggedShowsTheCasesThatBreakARule() throws Exception {
		String html = page(get("/cases").param("unit", String.valueOf(east)).param("flagged", "true"),
				Users.legalSection());
		assertThat(keys(html, "data-case")).containsExactlyInAnyOrder("CT-02", "CT-03", "CT-05");
		assertThat(html).contains("第 1 / 1 页，共 3 条");
	}

	@Test
	void theListIsSortedByDateEitherWay() throws Exception {
		String unit = String.valueOf(east);
		assertThat(keys(page(get("/cases").param("unit", unit), Users.leader()), "data-case"))
			.as("newest filing first by default")
			.containsExactly("CT-06", "CT-05", "CT-04", "CT-03", "CT-02", "CT-01");
		assertThat(keys(page(get("/cases").param("unit", unit).param("sort", "FILED_ASC"), Users.leader()),
				"data-case")).containsExactly("CT-01", "CT-02", "CT-03", "CT-04", "CT-05", "CT-06");
		assertThat(keys(page(get("/cases").param("unit", unit).param("sort", "CONCLUDED_ASC"), Users.leader()),
				"data-case")).as("not concluded last").containsExactly("CT-01", "CT-02", "CT-03", "CT-04", "CT-06", "CT-05");
		String html = page(get("/cases").param("unit", unit).param("sort", "FILED_ASC").param("page", "1"),
				Users.leader());
		assertThat(html).contains("立案日期 ▲").doesNotContain("办结日期 ▼");
		assertThat(html).as("the header link keeps the filters and turns the order").contains(
				"href=\"/cases?unit=" + unit + "&amp;sort=FILED_DESC\"");
	}

	@Test
	void theListIsPagedByFiftyWithTheCountOfTheSameFilters() throws Exception {
		String unit = String.valueOf(bulk);
		String first = page(get("/cases").param("unit", unit).param("sort", "FILED_ASC"), Users.leader());
		assertThat(keys(first, "data-case")).hasSize(50).startsWith("CTB-001").endsWith("CTB-050");
		assertThat(first).contains("第 1 / 2 页，共 55 条")
			.contains("href=\"/cases?unit=" + unit + "&amp;sort=FILED_ASC&amp;page=2\"");
		String second = page(get("/cases").param("unit", unit).param("sort", "FILED_ASC").param("page", "2"),
				Users.leader());
		assertThat(keys(second, "data-case")).containsExactly("CTB-051", "CTB-052", "CTB-053", "CTB-054", "CTB-055");
		String beyond = page(get("/cases").param("unit", unit).param("page", "9"), Users.leader());
		assertThat(beyond).as("a page past the end shows the last").contains("第 2 / 2 页，共 55 条");
	}

	@Test
	void anHtmxRequestGetsOnlyTheTableAndAPlainOrHistoryRequestTheWholePage() throws Exception {
		var fragment = mvc.perform(get("/cases").param("unit", String.valueOf(east)).param("category", "SIMPLE")
			.header("HX-Request", "true")
			.with(Users.legalSection()))
			.andExpect(status().isOk())
			.andExpect(header().string("Vary", org.hamcrest.Matchers.containsString("HX-Request")))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(fragment).startsWith("<div id=\"case-table\"").doesNotContain("<html").doesNotContain("case-filter\" method");
		assertThat(keys(fragment, "data-case")).containsExactlyInAnyOrder("CT-01", "CT-02");
		String full = page(get("/cases").param("unit", String.valueOf(east)).param("category", "SIMPLE"),
				Users.legalSection());
		assertThat(full).contains("<html").contains("id=\"case-filter\"").contains("hx-get=\"/cases\"")
			.contains("id=\"case-table\"");
		assertThat(keys(full, "data-case")).containsExactlyInAnyOrder("CT-01", "CT-02");
		String restored = page(get("/cases").header("HX-Request", "true").header("HX-History-Restore-Request", "true"),
				Users.legalSection());
		assertThat(restored).contains("<html");
	}

	@Test
	void aMalformedDateIsReportedInChineseAndIgnored() throws Exception {
		String html = page(get("/cases").param("unit", String.valueOf(east)).param("from", "2024/13/40"),
				Users.leader());
		assertThat(html).contains("办结日期（起）格式不正确");
		assertThat(keys(html, "data-case")).hasSize(6);
	}

	@Test
	void theCasePageShowsFieldsHandlersReturnsQualityPointsAndAwards() throws Exception {
		String html = page(get("/cases/{id}", returnedCase), Users.legalSection());
		assertThat(html).contains("CT-04").contains("城乡规划").contains("CT城东中队").contains("2024-03-15")
			.contains("2024-05-20").contains("巡查发现");
		assertThat(row(html, "data-handler", "CT003")).contains("主办").contains("王办案").contains("/people/" + wang);
		assertThat(row(html, "data-handler", "CT005")).contains("协办").contains("钱西队").contains("CT城西中队")
			.doesNotContain("辅助人员承办");
		assertThat(html).contains("CTPC02").contains("文书不规范").contains("CTPC03").contains("1.50")
			.contains("2024-05-01 退卷，扣 2.50 分");
		assertThat(html).as("R-21: 2 − 2.5, never below 0").contains("data-quality=\"0.00\"");
		assertThat(html).contains("局级").contains("2024-06-15").contains("市级").contains("2024-08-01");
		assertThat(html).doesNotContain("id=\"case-flags\"");
	}

	@Test
	void aCaseNeverReturnedKeepsTwoQualityPoints() throws Exception {
		String html = page(get("/cases/{id}", caseId("CT-01")), Users.legalSection());
		assertThat(html).contains("未退卷").contains("data-quality=\"2.00\"").contains("未获评优秀案卷");
	}

	@Test
	void aCaseIsFoundByItsNumber() throws Exception {
		mvc.perform(get("/cases/no/{no}", "CT-04").with(Users.leader()))
			.andExpect(redirectedUrl("/cases/" + returnedCase));
		mvc.perform(get("/cases/no/{no}", "CT-04").with(Users.squadLeaderOf(west))).andExpect(status().isNotFound());
	}

	@Test
	void bureauWideRolesReadEveryCase() throws Exception {
		for (RequestPostProcessor user : new RequestPostProcessor[] { Users.legalSection(), Users.supervision(),
				Users.leader() }) {
			assertThat(keys(page(get("/cases").param("q", "CT-0"), user), "data-case")).hasSize(7);
			page(get("/cases/{id}", westCase), user);
		}
	}

	@Test
	void squadRolesReadTheCasesOfTheirUnitOnly() throws Exception {
		for (RequestPostProcessor user : new RequestPostProcessor[] { Users.squadLeaderOf(west),
				Users.legalOfficerOf(west) }) {
			assertThat(keys(page(get("/cases"), user), "data-case")).containsExactly("CT-07");
			assertThat(keys(page(get("/cases").param("unit", String.valueOf(east)), user), "data-case")).isEmpty();
			page(get("/cases/{id}", westCase), user);
			mvc.perform(get("/cases/{id}", returnedCase).with(user)).andExpect(status().isNotFound());
		}
	}

	@Test
	void anOfficerReadsTheCasesHeLeadsOrCoHandles() throws Exception {
		RequestPostProcessor officer = Users.officer(zhao, west);
		assertThat(keys(page(get("/cases"), officer), "data-case")).containsExactlyInAnyOrder("CT-04", "CT-07");
		String html = page(get("/cases/{id}", returnedCase), officer);
		assertThat(row(html, "data-handler", "CT003")).as("no link to a person he may not see")
			.doesNotContain("/people/");
		assertThat(row(html, "data-handler", "CT005")).contains("/people/" + zhao);
		mvc.perform(get("/cases/{id}", caseId("CT-01")).with(officer)).andExpect(status().isNotFound());
	}

	@Test
	void theAdministratorSeesNoCases() throws Exception {
		mvc.perform(get("/cases").with(Users.admin())).andExpect(status().isForbidden());
		mvc.perform(get("/cases/{id}", westCase).with(Users.admin())).andExpect(status().isForbidden());
	}

	@Test
	void anUnknownCaseAnswersNotFound() throws Exception {
		mvc.perform(get("/cases/{id}", 987_654_321).with(Users.legalSection())).andExpect(status().isNotFound());
	}

	private long caseId(String caseNo) {
		return jdbc.sql("select id from case_file where case_no = ?").param(caseNo).query(Long.class).single();
	}

	private long domainId(String name) {
		return jdbc.sql("select id from domain where name = ?").param(name).query(Long.class).single();
	}

	private String page(MockHttpServletRequestBuilder request, RequestPostProcessor user) throws Exception {
		return mvc.perform(request.with(user))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

}
