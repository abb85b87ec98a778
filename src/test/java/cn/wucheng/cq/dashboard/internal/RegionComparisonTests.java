package cn.wucheng.cq.dashboard.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.wucheng.cq.bureau.Bureaus;
import cn.wucheng.cq.security.AccountPrincipal;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.security.Role;
import cn.wucheng.cq.support.Bureau;
import cn.wucheng.cq.support.SecondReader;
import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.TestClock;
import cn.wucheng.cq.support.TestDatabaseInitializer;

/**
 * Issue 16 item 3: the city's and the province's comparison of bureaus. Its own context and database: it adds bureaus,
 * and with several bureaus a request without one sees nothing, which the shared contexts' tests do not expect.
 * Two cities: 金华市 (甲县, 乙县) and 杭州市 (丙县); each bureau has its own officers with the same 工号.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(properties = "cq.test.context=region")
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
class RegionComparisonTests {

	static final String Q = "2024-Q1";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	DataSource dataSource;

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
		jia = bureau("rg-jia", "甲县综合行政执法局", "金华市", "甲县");
		yi = bureau("rg-yi", "乙县综合行政执法局", "金华市", "乙县");
		bing = bureau("rg-bing", "丙县综合行政执法局", "杭州市", "丙县");
		// 甲县's first officer handles two cases, so he leads 甲县 (and the comparison shows him, not 乙县's)
		Bureaus.runAs(jia, () -> {
			long unit = jdbc.sql("select id from unit where name = '甲县直属中队'").query(Long.class).single();
			List<Long> people = jdbc.sql("select id from person order by employee_no").query(Long.class).list();
			new Bureau(jdbc).concludedCase("RG-X-2", "简易程序", unit, people.get(0), people.get(1),
					LocalDate.of(2024, 3, 1));
		});
	}

	/** A bureau of a city with one squad, two officers (工号 RG001, RG002 in every bureau) and one concluded case. */
	private long bureau(String code, String name, String city, String mark) {
		jdbc.sql("insert into bureau (code, name, city) values (?, ?, ?)").params(code, name, city).update();
		long id = jdbc.sql("select id from bureau where code = ?").param(code).query(Long.class).single();
		Bureaus.runAs(id, () -> {
			jdbc.sql("insert into domain (code, name, sort_order) values ('01', '市容环境卫生', 1)").update();
			Bureau bureau = new Bureau(jdbc);
			long unit = bureau.unit(mark + "直属中队", "直属中队");
			long lead = bureau.officer("RG001", mark + "张三", unit);
			long co = bureau.officer("RG002", mark + "李四", unit);
			bureau.concludedCase("RG-X-1", "简易程序", unit, lead, co, LocalDate.of(2024, 2, 1));
		});
		return id;
	}

	/** An account of the installation's first bureau with the given role (and city, for a city role). */
	private static RequestPostProcessor as(Role role, String city) {
		CurrentUser user = new CurrentUser(700L + role.ordinal(), "rg-" + role.name().toLowerCase(), role.name(), role,
				null, null);
		AccountPrincipal principal = AccountPrincipal.active(user, main, city);
		return authentication(
				UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
	}

	/** The page once the comparison is there (while its bureaus are computed it shows how many are done). */
	private String page(MockHttpServletRequestBuilder request) throws Exception {
		return settled(mvc, request);
	}

	/** The page or fragment as it is now: the comparison, or the progress of its computation. */
	private String now(MockHttpServletRequestBuilder request) throws Exception {
		MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	/**
	 * Asks as the page does (every second; here every 20 ms) until the comparison replaces the progress, at most a
	 * minute; any other page at once.
	 */
	static String settled(MockMvc mvc, MockHttpServletRequestBuilder request) throws Exception {
		long until = System.nanoTime() + Duration.ofMinutes(1).toNanos();
		while (true) {
			MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
			String body = response.getContentAsString(StandardCharsets.UTF_8);
			assertThat(response.getStatus()).as(body).isEqualTo(200);
			if (!body.contains(COMPUTING) || System.nanoTime() > until) {
				return body;
			}
			Thread.sleep(20);
		}
	}

	static final String COMPUTING = "id=\"region-computing\"";

	@Test
	void theFirstViewAfterAChangeShowsHowManyBureausAreDoneAndAsksAgainUntilTheComparisonIsThere() throws Exception {
		RequestPostProcessor province = as(Role.PROVINCE_LEGAL, null);
		String quarter = "2023-Q4"; // asked for by no other test: computed afresh here
		// the workers wait behind a lock on the tasks of 任务清单 (every bureau's figures read them), the request does not
		try (Connection holder = dataSource.getConnection()) {
			holder.setAutoCommit(false);
			try (Statement lock = holder.createStatement()) {
				lock.execute("lock table supervision_task in access exclusive mode");
			}
			String first = now(get("/region").param("quarter", quarter).with(province));
			assertThat(first).contains("<html", COMPUTING, "正在汇总2023年第4季度各执法局的数据：已完成 0 / 4 个局")
				.contains("hx-get=\"/region?quarter=2023-Q4\"", "hx-trigger=\"every 1s\"", "hx-swap=\"outerHTML\"")
				.doesNotContain("id=\"region-table\"", "id=\"region-export\"");
			// what the page asks every second: the progress alone, still asking, while the bureaus are computed
			String again = now(get("/region").param("quarter", quarter).header("HX-Request", "true").with(province));
			assertThat(again).startsWith("<div").contains(COMPUTING, "已完成 0 / 4 个局", "every 1s")
				.doesNotContain("<html");
			// a browser's export meanwhile (a page older than the data) is shown the progress, which says why and keeps
			// saying it while it asks again
			MockHttpServletResponse export = mvc.perform(get("/region/export").param("quarter", quarter)
				.accept(MediaType.TEXT_HTML, MediaType.ALL).with(province)).andReturn().getResponse();
			assertThat(export.getStatus()).isEqualTo(303);
			assertThat(export.getRedirectedUrl()).endsWith("/region?quarter=2023-Q4&export=pending");
			String sent = now(get("/region").param("quarter", quarter).param("export", "pending")
				.header("HX-Request", "true").with(province));
			assertThat(sent).contains(COMPUTING, "id=\"region-export-pending\"", "汇总完成后表格上方出现「导出 Excel」",
					"hx-get=\"/region?quarter=2023-Q4&amp;export=pending\"");
			assertThat(again).doesNotContain("region-export-pending");
			holder.commit();
		}
		String done = settled(mvc, get("/region").param("quarter", quarter).header("HX-Request", "true").with(province));
		assertThat(done).doesNotContain(COMPUTING, "hx-trigger").contains("id=\"region-table\"", "region-chart");
		assertThat(done.split("class=\"bureau-row\"", -1)).hasSize(5);
	}

	@Test
	void aComputationThatFailsSaysSoOnceAndTheNextViewComputesAfresh() throws Exception {
		RequestPostProcessor province = as(Role.PROVINCE_LEGAL, null);
		String quarter = "2023-Q3";
		JdbcClient owner = TestDatabaseInitializer.asOwner(dataSource);
		String app = jdbc.sql("select current_user").query(String.class).single();
		owner.sql("revoke select on supervision_task from " + app).update();
		String failed;
		try {
			failed = settled(mvc, get("/region").param("quarter", quarter).with(province));
		}
		finally {
			owner.sql("grant select on supervision_task to " + app).update();
		}
		assertThat(failed).contains("id=\"region-failed\"", "汇总各局数据时出错", "重新汇总")
			.doesNotContain("id=\"region-table\"", "hx-trigger");
		// said once: the next view computes again, now with the table readable, and gets there
		String next = settled(mvc, get("/region").param("quarter", quarter).with(province));
		assertThat(next).doesNotContain("region-failed").contains("id=\"region-table\"");
	}

	@Test
	void aCityAccountComparesTheBureausOfItsCityAndNoOther() throws Exception {
		String body = page(get("/region").param("quarter", Q).with(as(Role.CITY_LEGAL, "金华市")));
		assertThat(body).contains("甲县综合行政执法局", "乙县综合行政执法局").doesNotContain("丙县");
		String hangzhou = page(get("/region").param("quarter", Q).with(as(Role.CITY_SUPERVISION, "杭州市")));
		assertThat(hangzhou).contains("丙县综合行政执法局").doesNotContain("甲县", "乙县");
	}

	@Test
	void aProvinceAccountComparesEveryBureau() throws Exception {
		String body = page(get("/region").param("quarter", Q).with(as(Role.PROVINCE_SUPERVISION, null)));
		assertThat(body).contains("甲县综合行政执法局", "乙县综合行政执法局", "丙县综合行政执法局", "本局");
	}

	@Test
	void eachBureausRowNamesItsOwnPointsLeadersComputedWithinIt() throws Exception {
		String body = page(get("/region").param("quarter", Q).with(as(Role.PROVINCE_LEGAL, null)));
		List<String> rows = new ArrayList<>(List.of(body.split("<tr ")));
		String jiaRow = rows.stream().filter(r -> r.contains("甲县综合行政执法局")).findFirst().orElseThrow();
		String yiRow = rows.stream().filter(r -> r.contains("乙县综合行政执法局")).findFirst().orElseThrow();
		// the same 工号 in two bureaus: each row has its own bureau's officers only (pools per bureau)
		assertThat(jiaRow).contains("甲县张三").doesNotContain("乙县");
		assertThat(yiRow).contains("乙县张三").doesNotContain("甲县");
		// 甲县张三 has two cases, 乙县张三 one: 甲县's leader has more points, computed within 甲县
		assertThat(jiaRow).doesNotContain(leaderPoints(yiRow));
	}

	/** The points shown after 张三's name in a row (e.g. "乙县张三 3.00" → "甲县张三 3.00" must not be in 甲县's row). */
	private static String leaderPoints(String row) {
		int at = row.indexOf("张三 ");
		String points = row.substring(at + 3, row.indexOf('<', at));
		return "甲县张三 " + points;
	}

	@Test
	void aCaseConcludedInOneBureauShowsOnTheKeptComparisonAtTheNextView() throws Exception {
		RequestPostProcessor city = as(Role.CITY_SUPERVISION, "金华市");
		long started = System.nanoTime();
		String before = page(get("/region").param("quarter", "2024-Q2").header("HX-Request", "true").with(city));
		long first = System.nanoTime() - started;
		started = System.nanoTime();
		assertThat(page(get("/region").param("quarter", "2024-Q2").header("HX-Request", "true").with(city)))
			.isEqualTo(before);
		long kept = System.nanoTime() - started;
		System.out.printf("comparison of 2 bureaus: computed %.1f ms, kept %.1f ms%n", first / 1e6, kept / 1e6);
		assertThat(before).doesNotContain("乙县李四");
		Bureaus.runAs(yi, () -> {
			long unit = jdbc.sql("select id from unit where name = '乙县直属中队'").query(Long.class).single();
			List<Long> people = jdbc.sql("select id from person order by employee_no desc").query(Long.class).list();
			new Bureau(jdbc).concludedCase("RG-Y-Q2", "简易程序", unit, people.get(0), people.get(1),
					LocalDate.of(2024, 5, 6));
		});
		assertThat(page(get("/region").param("quarter", "2024-Q2").with(city))).contains("乙县李四");
	}

	@Test
	void anHtmxRequestGetsTheComparisonAloneAndTheChartIsThere() throws Exception {
		String fragment = page(get("/region").param("quarter", Q).header("HX-Request", "true")
			.with(as(Role.PROVINCE_LEGAL, null)));
		assertThat(fragment).startsWith("<div").contains("id=\"region-comparison\"", "region-chart")
			.doesNotContain("<html");
	}

	@Test
	void aBureauNameOpensItsResultsReadOnlyAndAnotherCitysBureauIsNotFound() throws Exception {
		String body = page(get("/region/bureaus/" + jia).param("quarter", Q).with(as(Role.CITY_LEGAL, "金华市")));
		assertThat(body).contains("甲县综合行政执法局", "甲县张三", "甲县直属中队").doesNotContain("乙县张三");
		// read only: the page's own part (after the layout's menu and sign-out form) has no form that writes
		String own = body.substring(body.indexOf("<h1"));
		assertThat(own).doesNotContainIgnoringCase("method=\"post\"").contains("method=\"get\"");
		// and no link into the bureau's own pages (the leaders and best handlers are the dashboard's fragments, unlinked)
		assertThat(own).doesNotContain("href=\"/scores/", "href=\"/rankings", "data-href=");
		assertThat(mvc.perform(get("/region/bureaus/" + bing).param("quarter", Q).with(as(Role.CITY_LEGAL, "金华市")))
			.andReturn().getResponse().getStatus()).isEqualTo(404);
	}

	@Test
	void aBureauUserIsRefusedTheRegionPagesAndARegionalUserEveryBureauPageThatWrites() throws Exception {
		for (Role bureauRole : List.of(Role.LEGAL, Role.SUPERVISION, Role.LEADER)) {
			for (String path : List.of("/region", "/region/bureaus/" + jia, "/region/export")) {
				assertThat(mvc.perform(get(path).param("quarter", Q).with(as(bureauRole, null))).andReturn()
					.getResponse().getStatus()).as(bureauRole + " " + path).isEqualTo(403);
			}
		}
		for (String path : List.of("/standards/exemptions", "/training/sessions/open", "/legal-reviews/batch-pass",
				"/rollout/batches", "/evaluations/rounds", "/admin/users")) {
			assertThat(mvc.perform(post(path).with(csrf()).with(as(Role.PROVINCE_LEGAL, null))).andReturn()
				.getResponse().getStatus()).as(path).isEqualTo(403);
		}
		assertThat(mvc.perform(get("/dashboard").with(as(Role.CITY_LEGAL, "金华市"))).andReturn().getResponse()
			.getStatus()).isEqualTo(403);
	}

	@Test
	void theHomePageOfARegionalAccountIsTheComparison() throws Exception {
		assertThat(mvc.perform(get("/").with(as(Role.CITY_LEGAL, "金华市"))).andReturn().getResponse()
			.getRedirectedUrl()).isEqualTo("/region");
	}

	@Test
	void theExportHasOneRowPerBureauWithRatesAsNumbers() throws Exception {
		MockHttpServletResponse response = mvc.perform(get("/region/export").param("quarter", Q)
			.with(as(Role.CITY_LEGAL, "金华市"))).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getHeader("Content-Disposition")).contains(".xlsx");
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
			Sheet sheet = wb.getSheetAt(0);
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("执法局");
			List<String> names = new ArrayList<>();
			for (int r = 2; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				names.add(row.getCell(0).getStringCellValue());
				assertThat(row.getCell(1).getStringCellValue()).isEqualTo("金华市");
				assertThat(row.getCell(2).getStringCellValue()).contains("张三");
				assertThat(row.getCell(5).getNumericCellValue()).isBetween(0.0, 100.0);
			}
			assertThat(names).containsExactly("甲县综合行政执法局", "乙县综合行政执法局");
		}
		// a reader that is not POI (openpyxl, as Excel and WPS users' files are checked): names as text, rates as numbers
		String read = SecondReader.read("region.xlsx", response.getContentAsByteArray());
		assertThat(read).contains("cell 各局对比 2024-Q1!A3 s 甲县综合行政执法局", "cell 各局对比 2024-Q1!A4 s 乙县综合行政执法局")
			.containsPattern(java.util.regex.Pattern.quote("cell 各局对比 2024-Q1!F3 n ") + "[0-9.]+");
	}

	@Test
	void theSecurityAdministratorMakesACityAccountWithItsCityAndTheSignedInAccountCarriesIt() throws Exception {
		RequestPostProcessor admin = as(Role.ADMIN, null);
		mvc.perform(post("/admin/users").with(admin).with(csrf()).param("username", "rg-jinhua")
			.param("displayName", "金华市局法制处").param("role", "LEGAL")).andReturn();
		long id = Bureaus.runAs(main,
				() -> jdbc.sql("select id from app_user where username = 'rg-jinhua'").query(Long.class).single());
		RequestPostProcessor security = as(Role.SECURITY_ADMIN, null);
		String refused = page(post("/admin/users/" + id).with(security).with(csrf()).param("displayName", "金华市局法制处")
			.param("role", "CITY_LEGAL").param("version", "0"));
		assertThat(refused).contains("请选择市局账号的所属市");
		MockHttpServletResponse saved = mvc.perform(post("/admin/users/" + id).with(security).with(csrf())
			.param("displayName", "金华市局法制处").param("role", "CITY_LEGAL").param("city", "金华市")
			.param("version", "0")).andReturn().getResponse();
		assertThat(saved.getRedirectedUrl()).isEqualTo("/admin/users");
		AccountPrincipal principal = Bureaus.runAs(main,
				() -> (AccountPrincipal) accounts.loadUserByUsername("rg-jinhua"));
		assertThat(principal.city()).isEqualTo("金华市");
		assertThat(principal.currentUser().role()).isEqualTo(Role.CITY_LEGAL);
		assertThat(Bureaus.runAs(main, () -> jdbc.sql("select after_data from audit_log where entity_key = 'rg-jinhua' and action = 'ACCOUNT_UPDATED'")
			.query(String.class).list())).singleElement().asString().contains("金华市", "市局法制处");
	}

}
