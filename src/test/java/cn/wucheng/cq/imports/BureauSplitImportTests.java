package cn.wucheng.cq.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.wucheng.cq.bureau.Bureaus;
import cn.wucheng.cq.security.AccountPrincipal;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.security.Role;
import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.TestClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 16 item 3: a city's or the province's legal office imports one file of a list split by its 所属执法局 column, or
 * one bureau's plain list ({@code bureau=CODE}). Its own context and database: it adds bureaus (with several bureaus a
 * request without one sees nothing, which the shared contexts' tests do not expect). Two cities: 金华市 (甲县, 乙县) and
 * 杭州市 (丙县); every test uses its own unit names.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(properties = "cq.test.context=split")
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
class BureauSplitImportTests {

	static final String HEADER = "单位名称,单位类型,所属执法局\n";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	private final JsonMapper json = JsonMapper.builder().build();

	static long main;

	static long jia;

	static long yi;

	static long bing;

	@BeforeEach
	void threeBureausInTwoCities() {
		if (main != 0) {
			return;
		}
		main = jdbc.sql("select id from bureau where code = 'main'").query(Long.class).single();
		jia = bureau("sp-jia", "甲县综合行政执法局", "金华市");
		yi = bureau("sp-yi", "乙县综合行政执法局", "金华市");
		bing = bureau("sp-bing", "丙县综合行政执法局", "杭州市");
	}

	private long bureau(String code, String name, String city) {
		jdbc.sql("insert into bureau (code, name, city) values (?, ?, ?)").params(code, name, city).update();
		long id = jdbc.sql("select id from bureau where code = ?").param(code).query(Long.class).single();
		Bureaus.runAs(id, () -> {
			jdbc.sql("insert into domain (code, name, sort_order) values ('01', '市容环境卫生', 1)").update();
		});
		return id;
	}

	/** An account of the installation's first bureau (or {@code bureau}) with the role, and city for a city role. */
	private static RequestPostProcessor as(Role role, String city, long bureau) {
		CurrentUser user = new CurrentUser(800L + role.ordinal(), "sp-" + role.name().toLowerCase(), role.name(), role,
				null, null);
		AccountPrincipal principal = AccountPrincipal.active(user, bureau, city);
		return authentication(
				UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
	}

	private static RequestPostProcessor province() {
		return as(Role.PROVINCE_LEGAL, null, main);
	}

	private static RequestPostProcessor jinhua() {
		return as(Role.CITY_LEGAL, "金华市", main);
	}

	private static MockMultipartHttpServletRequestBuilder upload(String kind, String fileName, String csv) {
		MockMultipartHttpServletRequestBuilder request = multipart("/api/v1/imports/" + kind);
		request.file(new MockMultipartFile("file", fileName, "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
		request.with(csrf());
		return request;
	}

	private MockHttpServletResponse call(MockMultipartHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andReturn().getResponse();
	}

	private JsonNode body(MockHttpServletResponse response) throws Exception {
		return json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
	}

	private List<String> units(long bureau) {
		return Bureaus.runAs(bureau, () -> jdbc.sql("select name from unit order by name").query(String.class).list());
	}

	@Test
	void rowsOfTwoBureausLandInEachAndEachSeesOnlyItsOwn() throws Exception {
		String csv = HEADER + "甲一中队,直属中队,甲县综合行政执法局\n乙一中队,直属中队,sp-yi\n甲二中队,一类中队,sp-jia\n";
		MockHttpServletResponse response = call(upload("units", "two-bureaus.csv", csv).with(province()));
		assertThat(response.getStatus()).as(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
		JsonNode answer = body(response);
		assertThat(answer.get("created").asInt()).isEqualTo(3);
		assertThat(answer.get("bureaus").size()).isEqualTo(2);
		assertThat(answer.get("bureaus").get(0).get("code").asString()).isEqualTo("sp-jia");
		assertThat(answer.get("bureaus").get(0).get("created").asInt()).isEqualTo(2);
		assertThat(answer.get("bureaus").get(1).get("code").asString()).isEqualTo("sp-yi");
		assertThat(answer.get("bureaus").get(1).get("created").asInt()).isEqualTo(1);

		assertThat(units(jia)).contains("甲一中队", "甲二中队").doesNotContain("乙一中队");
		assertThat(units(yi)).contains("乙一中队").doesNotContain("甲一中队", "甲二中队");
		assertThat(units(main)).doesNotContain("甲一中队", "乙一中队");
		assertThat(units(bing)).isEmpty();
		// each bureau's part in its own audit log and its own import history
		for (long bureau : List.of(jia, yi)) {
			assertThat(Bureaus.runAs(bureau, () -> jdbc.sql("""
					select count(*) from audit_log where action = 'IMPORT' and detail like '%two-bureaus.csv%'""")
				.query(Long.class)
				.single())).as("audit of bureau " + bureau).isEqualTo(1);
		}
		assertThat(Bureaus.runAs(main, () -> jdbc.sql("""
				select count(*) from audit_log where action = 'IMPORT' and detail like '%two-bureaus.csv%'""")
			.query(Long.class)
			.single())).as("no line in the account's own bureau").isZero();
		assertThat(Bureaus.runAs(jia, () -> jdbc.sql("""
				select created from import_history where file_name = 'two-bureaus.csv'""").query(Integer.class).list()))
			.containsExactly(2);
		// the same file again changes nothing (idempotent, per bureau)
		JsonNode again = body(call(upload("units", "two-bureaus.csv", csv).with(province())));
		assertThat(again.get("unchanged").asInt()).isEqualTo(3);
		assertThat(again.get("created").asInt()).isZero();
	}

	@Test
	void afterASplitImportEveryConnectionOfThePoolCarriesTheBureauItIsHandedOutWith() throws Exception {
		String csv = HEADER + "甲连中队,直属中队,sp-jia\n乙连中队,直属中队,sp-yi\n";
		assertThat(call(upload("units", "settings.csv", csv).with(province())).getStatus()).isEqualTo(200);
		// the switches were transaction-local: a connection the pool remembers as main's (or none's) is still that
		for (int i = 0; i < 20; i++) {
			assertThat(Bureaus.runAs(main, this::setting)).isEqualTo(String.valueOf(main));
			assertThat(Bureaus.runAs(yi, this::setting)).isEqualTo(String.valueOf(yi));
			assertThat(Bureaus.runAs(jia, this::setting)).isEqualTo(String.valueOf(jia));
		}
		assertThat(units(main)).doesNotContain("甲连中队", "乙连中队");
	}

	private String setting() {
		return jdbc.sql("select coalesce(current_setting('cq.bureau', true), '')").query(String.class).single();
	}

	@Test
	void anUnknownBureauOrABureauOfAnotherCityIsTheRowsErrorAndNothingIsImportedInAnyBureau() throws Exception {
		String csv = HEADER + "甲三中队,直属中队,甲县综合行政执法局\n丙三中队,直属中队,丙县综合行政执法局\n"
				+ "丁三中队,直属中队,丁县综合行政执法局\n乙三中队,直属中队,\n";
		MockHttpServletResponse response = call(upload("units", "scope.csv", csv).with(jinhua()));
		assertThat(response.getStatus()).isEqualTo(422);
		JsonNode errors = body(response).get("errors");
		assertThat(errors.size()).isEqualTo(3);
		assertThat(errors.get(0).get("row").asInt()).isEqualTo(3);
		assertThat(errors.get(0).get("column").asString()).isEqualTo("所属执法局");
		assertThat(errors.get(0).get("message").asString()).contains("丙县综合行政执法局", "金华市");
		assertThat(errors.get(1).get("row").asInt()).isEqualTo(4);
		assertThat(errors.get(1).get("message").asString()).contains("丁县综合行政执法局");
		assertThat(errors.get(2).get("row").asInt()).isEqualTo(5);
		assertThat(errors.get(2).get("message").asString()).contains("所属执法局");
		assertThat(units(jia)).doesNotContain("甲三中队");
		assertThat(units(bing)).doesNotContain("丙三中队");
		// the province may import for 丙县: its scope is every bureau
		String bingOnly = HEADER + "丙四中队,直属中队,sp-bing\n";
		assertThat(call(upload("units", "bing.csv", bingOnly).with(jinhua())).getStatus()).isEqualTo(422);
		assertThat(call(upload("units", "bing.csv", bingOnly).with(province())).getStatus()).isEqualTo(200);
		assertThat(units(bing)).contains("丙四中队");
	}

	@Test
	void aRowErrorInOneBureausPartRollsBackTheOtherBureausPartAndNamesTheFilesRowAndTheBureau() throws Exception {
		// a title row above the header: row numbers stay the file's own
		String csv = "某省各执法局单位名单\n" + HEADER + "甲四中队,直属中队,sp-jia\n乙四中队,直属中队,sp-yi\n"
				+ "甲五中队,直属中队,sp-jia\n乙五中队,三类中队,sp-yi\n乙四中队,直属中队,sp-yi\n";
		MockHttpServletResponse response = call(upload("units", "rollback.csv", csv).with(province()));
		assertThat(response.getStatus()).as(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(422);
		JsonNode answer = body(response);
		JsonNode errors = answer.get("errors");
		assertThat(errors.size()).isEqualTo(2);
		assertThat(errors.get(0).get("row").asInt()).isEqualTo(6);
		assertThat(errors.get(0).get("column").asString()).isEqualTo("单位类型");
		assertThat(errors.get(0).get("bureau").asString()).isEqualTo("乙县综合行政执法局");
		assertThat(errors.get(1).get("row").asInt()).isEqualTo(7);
		assertThat(errors.get(1).get("message").asString()).as("the first row of the key, the file's").contains("4");
		assertThat(answer.get("bureaus").get(0).get("errors").asInt()).isZero();
		assertThat(answer.get("bureaus").get(1).get("errors").asInt()).isEqualTo(2);
		assertThat(units(jia)).as("甲县's valid part rolled back").doesNotContain("甲四中队", "甲五中队");
		assertThat(units(yi)).doesNotContain("乙四中队", "乙五中队");
		assertThat(Bureaus.runAs(jia, () -> jdbc.sql("""
				select count(*) from audit_log where detail like '%rollback.csv%'""").query(Long.class).single()))
			.isZero();
	}

	@Test
	void aFileWithoutTheBureauColumnIsRefusedOnceNotOncePerBureau() throws Exception {
		MockHttpServletResponse response = call(
				upload("units", "nocolumn.csv", "单位名称,单位类型\n甲六中队,直属中队\n").with(province()));
		assertThat(response.getStatus()).isEqualTo(422);
		JsonNode errors = body(response).get("errors");
		assertThat(errors.size()).isEqualTo(1);
		assertThat(errors.get(0).get("message").asString()).contains("所属执法局");
	}

	@Test
	void aSplitFileOfOverAThousandRowsLeavesStatisticsCountingEveryBureausRows() throws Exception {
		StringBuilder csv = new StringBuilder(HEADER);
		for (int i = 0; i < 600; i++) {
			csv.append("甲统计").append(i).append("中队,二类中队,sp-jia\n");
			csv.append("乙统计").append(i).append("中队,二类中队,sp-yi\n");
		}
		MockHttpServletResponse response = call(upload("units", "many.csv", csv.toString()).with(province()));
		assertThat(response.getStatus()).isEqualTo(200);
		// neither part alone reaches the 1,000 rows after which an import refreshes the statistics: the file does
		assertThat(jdbc.sql("select reltuples from pg_class where relname = 'unit'").query(Double.class).single())
			.isGreaterThanOrEqualTo(1200);
	}

	@Test
	void theBureauParameterImportsOneBureausPlainListWithinTheScopeAndIsNotFoundOutsideIt() throws Exception {
		String plain = "单位名称,单位类型\n乙七中队,直属中队\n";
		MockHttpServletResponse ok = call(upload("units", "yi.csv", plain).param("bureau", "sp-yi").with(jinhua()));
		assertThat(ok.getStatus()).as(ok.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
		assertThat(units(yi)).contains("乙七中队");
		assertThat(units(main)).doesNotContain("乙七中队");
		assertThat(Bureaus.runAs(yi, () -> jdbc.sql("""
				select count(*) from audit_log where action = 'IMPORT' and detail like '%yi.csv%'""")
			.query(Long.class)
			.single())).isEqualTo(1);

		MockHttpServletResponse other = call(upload("units", "bing.csv", plain).param("bureau", "sp-bing").with(jinhua()));
		assertThat(other.getStatus()).isEqualTo(404);
		assertThat(body(other).get("errors").get(0).get("message").asString()).contains("sp-bing", "执法局");
		assertThat(call(upload("units", "x.csv", plain).param("bureau", "no-such").with(jinhua())).getStatus())
			.isEqualTo(404);
		assertThat(units(bing)).doesNotContain("乙七中队");
	}

	@Test
	void aBureausAccountMayNameItsOwnBureauOnlyAnotherAnswersAsAnUnknownOneAndTheSupervisionRolesMayNotImport() throws Exception {
		String plain = "单位名称,单位类型\n甲八中队,直属中队\n";
		RequestPostProcessor jiaLegal = as(Role.LEGAL, null, jia);
		MockHttpServletResponse refused = call(upload("units", "u.csv", plain).param("bureau", "sp-yi").with(jiaLegal));
		// issue 16: as the read API answers, another bureau is refused as an unknown one — the same 404, telling nothing
		assertThat(refused.getStatus()).isEqualTo(404);
		MockHttpServletResponse unknown = call(upload("units", "u.csv", plain).param("bureau", "no-such").with(jiaLegal));
		assertThat(unknown.getStatus()).isEqualTo(404);
		assertThat(body(refused).get("errors").get(0).get("message").asString())
			.isEqualTo(body(unknown).get("errors").get(0).get("message").asString().replace("no-such", "sp-yi"));
		assertThat(call(upload("units", "u.csv", plain).param("bureau", "sp-jia").with(jiaLegal)).getStatus())
			.isEqualTo(200);
		assertThat(units(jia)).contains("甲八中队");
		assertThat(units(yi)).doesNotContain("甲八中队");
		for (Role role : List.of(Role.CITY_SUPERVISION, Role.PROVINCE_SUPERVISION)) {
			assertThat(call(upload("units", "u.csv", plain).with(as(role, "金华市", main))).getStatus()).as(role.name())
				.isEqualTo(403);
		}
	}

	@Test
	void theRegionImportPageShowsTheListsColumnsWithTheBureauColumnAndItsBureaus() throws Exception {
		MockHttpServletResponse page = mvc.perform(get("/region/imports").param("kind", "cases").with(jinhua()))
			.andReturn()
			.getResponse();
		assertThat(page.getStatus()).isEqualTo(200);
		String html = page.getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("<html", "所属执法局", "案件编号", "甲县综合行政执法局", "乙县综合行政执法局")
			.doesNotContain("丙县综合行政执法局");
		String fragment = mvc.perform(get("/region/imports").param("kind", "people").header("HX-Request", "true")
			.with(jinhua())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(fragment).startsWith("<div").contains("id=\"region-import-columns\"", "工号", "所属执法局")
			.doesNotContain("<html");
		assertThat(mvc.perform(get("/region/imports").with(as(Role.LEGAL, null, jia))).andReturn().getResponse()
			.getStatus()).isEqualTo(403);
	}

	@Test
	void anUploadOnThePageShowsEachBureausCountsAndTheProblemsWithRowColumnAndBureau() throws Exception {
		String csv = HEADER + "甲九中队,直属中队,sp-jia\n乙九中队,直属中队,sp-yi\n";
		String result = mvc.perform(multipart("/region/imports")
			.file(new MockMultipartFile("file", "page.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
			.param("kind", "units")
			.header("X-Requested-With", "XMLHttpRequest")
			.with(csrf())
			.with(province())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(result).startsWith("<div").contains("id=\"region-import-parts\"", "甲县综合行政执法局",
				"乙县综合行政执法局", "导入成功");
		String bad = HEADER + "甲十中队,直属中队,sp-jia\n乙十中队,三类中队,sp-yi\n";
		String rejected = mvc.perform(multipart("/region/imports")
			.file(new MockMultipartFile("file", "bad.csv", "text/csv", bad.getBytes(StandardCharsets.UTF_8)))
			.param("kind", "units")
			.with(csrf())
			.with(province())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(rejected).contains("<html", "id=\"region-import-errors\"", "单位类型", "三类中队");
		assertThat(units(jia)).doesNotContain("甲十中队");
	}

	@Test
	void theTemplateOfTheRegionPageHasTheBureauColumnLast() throws Exception {
		byte[] xlsx = mvc.perform(get("/region/imports/templates/people").with(province()))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Row header = wb.getSheetAt(0).getRow(0);
			assertThat(header.getCell(0).getStringCellValue()).isEqualTo("工号");
			assertThat(header.getCell(header.getLastCellNum() - 1).getStringCellValue()).isEqualTo("所属执法局");
		}
	}

}
