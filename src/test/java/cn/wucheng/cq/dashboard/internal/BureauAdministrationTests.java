package cn.wucheng.cq.dashboard.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

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
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.wucheng.cq.bureau.Bureaus;
import cn.wucheng.cq.security.AccountPrincipal;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.security.FirstAdministrators;
import cn.wucheng.cq.security.Role;
import cn.wucheng.cq.support.Bureau;
import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.TestDatabaseInitializer;
import cn.wucheng.cq.support.TestClock;

/**
 * Issue 16: 执法局管理 — the province's legal office opens bureaus (with their first security and system administrators)
 * and renames them, a city's legal office reads its city's; the JSON API of the bureaus; and the read API's
 * {@code bureau} parameter. The comparison's context (several bureaus already): every bureau made here is of 丽水市,
 * a city the comparison's tests do not count, with codes starting {@code ba-}.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(properties = "cq.test.context=region")
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
class BureauAdministrationTests {

	static final String CITY = "丽水市";

	static final String Q = "2024-Q1";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	DataSource dataSource;

	@Autowired
	UserDetailsService accounts;

	static final JsonMapper json = JsonMapper.builder().build();

	static long main;

	/** 青田, a bureau of 丽水市 with one squad, two officers and a concluded case of 2024-Q1. */
	static long qingtian;

	@BeforeEach
	void aBureauOfLishuiWithACase() {
		if (qingtian != 0) {
			return;
		}
		main = jdbc.sql("select id from bureau where code = 'main'").query(Long.class).single();
		jdbc.sql("insert into bureau (code, name, city) values ('ba-qingtian', '青田县综合行政执法局', ?)").param(CITY)
			.update();
		qingtian = jdbc.sql("select id from bureau where code = 'ba-qingtian'").query(Long.class).single();
		Bureaus.runAs(qingtian, () -> {
			jdbc.sql("insert into domain (code, name, sort_order) values ('01', '市容环境卫生', 1)").update();
			Bureau bureau = new Bureau(jdbc);
			long unit = bureau.unit("青田直属中队", "直属中队");
			bureau.manages(unit, "市容环境卫生");
			long lead = bureau.officer("BA001", "青田张三", unit);
			long co = bureau.officer("BA002", "青田李四", unit);
			bureau.concludedCase("BA-1", "简易程序", unit, lead, co, LocalDate.of(2024, 2, 1));
		});
		// a bureau of another city, and one of none: neither is a 丽水市 account's
		jdbc.sql("insert into bureau (code, name, city) values ('ba-kaihua', '开化县综合行政执法局', '衢州市')").update();
		jdbc.sql("insert into bureau (code, name) values ('ba-nocity', '无市县综合行政执法局')").update();
	}

	/** An account of the installation's first bureau with the given role (and city, for a city role). */
	private static RequestPostProcessor as(Role role, String city) {
		CurrentUser user = new CurrentUser(600L + role.ordinal(), "ba-" + role.name().toLowerCase(), role.name(), role,
				null, null);
		AccountPrincipal principal = AccountPrincipal.active(user, main, city);
		return authentication(
				UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
	}

	private static RequestPostProcessor province() {
		return as(Role.PROVINCE_LEGAL, null);
	}

	private MockHttpServletResponse call(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andReturn().getResponse();
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		MockHttpServletResponse response = call(request);
		assertThat(response.getStatus()).as(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	/** The values of one field of each object of a JSON array. */
	private static List<String> texts(JsonNode array, String field) {
		return array.values().stream().map(n -> n.get(field).asString()).toList();
	}

	private long bureauId(String code) {
		return jdbc.sql("select id from bureau where code = ?").param(code).query(Long.class).single();
	}

	private long bureaus() {
		return jdbc.sql("select count(*) from bureau").query(Long.class).single();
	}

	private MvcResult open(String code, String name, String city) throws Exception {
		return mvc.perform(post("/region/bureaus/manage").with(province()).with(csrf()).param("code", code)
			.param("name", name).param("city", city)).andReturn();
	}

	@Test
	void theProvincesLegalOfficeOpensABureauWithItsFirstSecurityAndSystemAdministratorsAndBothChangeTheirPasswordFirst()
			throws Exception {
		MvcResult result = open("ba-jingning", "景宁县综合行政执法局", CITY);
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/region/bureaus/manage");
		BureauAdministration.Opened opened = (BureauAdministration.Opened) result.getFlashMap().get("opened");
		assertThat(opened.accounts()).extracting(FirstAdministrators.Issued::username, FirstAdministrators.Issued::role)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("ba-jingning-security", Role.SECURITY_ADMIN),
					org.assertj.core.groups.Tuple.tuple("ba-jingning-admin", Role.ADMIN));
		long id = bureauId("ba-jingning");
		assertThat(jdbc.sql("select city from bureau where id = ?").param(id).query(String.class).single()).isEqualTo(CITY);
		for (FirstAdministrators.Issued issued : opened.accounts()) {
			// the account is the new bureau's: it signs in there, with the password shown, to be changed first (三员:
			// and a second factor to enrol)
			AccountPrincipal principal = Bureaus.runAs(id,
					() -> (AccountPrincipal) accounts.loadUserByUsername(issued.username()));
			assertThat(principal.bureauId()).isEqualTo(id);
			assertThat(principal.currentUser().role()).isEqualTo(issued.role());
			assertThat(principal.mustChangePassword()).isTrue();
			assertThat(principal.secondFactorPending()).isTrue();
			assertThat(encoder.matches(issued.password(), principal.getPassword())).isTrue();
		}
		// the programme's catalogues, as the first bureau got them: 30 domains, the 18 tasks, the
		// evaluation items — the new bureau's own
		assertThat(Bureaus.runAs(id, () -> jdbc.sql("""
				select (select count(*) from domain) || ' ' || (select count(*) from supervision_task) || ' '
				  || (select count(*) from evaluation_item)""").query(String.class).single())).isEqualTo("30 18 22");
		// not an account of the acting bureau
		assertThat(Bureaus.runAs(main, () -> jdbc.sql("select count(*) from app_user where username like 'ba-jingning%'")
			.query(Long.class).single())).isZero();
		// audited: the opening in the acting account's bureau, the accounts in the new bureau's own log
		assertThat(Bureaus.runAs(main, () -> jdbc.sql("""
				select after_data from audit_log where action = 'BUREAU_OPENED' and entity = 'bureau' and entity_key = ?""")
			.param("ba-jingning").query(String.class).list())).singleElement().asString()
			.contains("景宁县综合行政执法局", CITY);
		assertThat(Bureaus.runAs(id, () -> jdbc.sql("select entity_key from audit_log where action = 'ACCOUNT_CREATED'")
			.query(String.class).list())).containsExactlyInAnyOrder("ba-jingning-security", "ba-jingning-admin");
	}

	@Test
	void theGeneratedPasswordsAreShownOnceOnThePageTheOpeningLeadsToAndNotAgain() throws Exception {
		MvcResult result = open("ba-yunhe", "云和县综合行政执法局", CITY);
		BureauAdministration.Opened opened = (BureauAdministration.Opened) result.getFlashMap().get("opened");
		String shown = page(get("/region/bureaus/manage").with(province()).flashAttrs(result.getFlashMap()));
		assertThat(shown).contains("id=\"bureau-opened\"", "云和县综合行政执法局", "ba-yunhe-security", "ba-yunhe-admin",
				opened.accounts().get(0).password(), opened.accounts().get(1).password(), "已开设执法局");
		String again = page(get("/region/bureaus/manage").with(province()));
		assertThat(again).contains("云和县综合行政执法局").doesNotContain("bureau-opened")
			.doesNotContain(opened.accounts().get(0).password());
	}

	@Test
	void aBadCodeATakenCodeOrNameOrATakenAdministratorsUsernameIsRefusedInChineseAndOpensNothing() throws Exception {
		// an account of another bureau than the acting one's: invisible to the application's role there
		Bureaus.runAs(bureauId("ba-nocity"), () -> jdbc.sql("""
				insert into app_user (username, password_hash, display_name, role, created_at)
				values ('ba-taken-admin', 'x', '占用', 'LEGAL', localtimestamp)""").update());
		assertThat(Bureaus.runAs(main, () -> jdbc.sql("select count(*) from app_user where username = 'ba-taken-admin'")
			.query(Long.class).single())).isZero();
		long before = bureaus();
		assertThat(page(post("/region/bureaus/manage").with(province()).with(csrf()).param("code", "BA 青田")
			.param("name", "某县综合行政执法局"))).contains("代码须为 2～20 位小写字母、数字或连字符");
		assertThat(page(post("/region/bureaus/manage").with(province()).with(csrf()).param("code", "main")
			.param("name", "某县综合行政执法局"))).contains("代码 main 已被“本局”使用");
		assertThat(page(post("/region/bureaus/manage").with(province()).with(csrf()).param("code", "ba-mou")
			.param("name", "青田县综合行政执法局"))).contains("已有名为“青田县综合行政执法局”的执法局");
		assertThat(page(post("/region/bureaus/manage").with(province()).with(csrf()).param("code", "")
			.param("name", ""))).contains("请填写执法局代码", "请填写执法局名称");
		// and still counts: usernames are unique in the installation
		assertThat(page(post("/region/bureaus/manage").with(province()).with(csrf()).param("code", "ba-taken")
			.param("name", "占用县综合行政执法局"))).contains("ba-taken-admin 已被其他账号使用");
		assertThat(bureaus()).isEqualTo(before);
	}

	@Test
	void anOpeningThatFailsAtItsLastStepLeavesNoBureauSoTheSameCodeOpensLater() throws Exception {
		// the database refuses the new bureau's second administrator (as a full disk or a lost connection would)
		JdbcClient owner = TestDatabaseInitializer.asOwner(dataSource);
		owner.sql("""
				create function ba_refuse_broken() returns trigger language plpgsql as $$
				begin raise exception 'refused for the test'; end $$""").update();
		owner.sql("""
				create trigger ba_refuse_broken before insert on app_user for each row
				when (new.username = 'ba-broken-admin') execute function ba_refuse_broken()""").update();
		long before = bureaus();
		try {
			// MockMvc hands the request's failure on (a server answers its error page)
			assertThatThrownBy(() -> open("ba-broken", "试开县综合行政执法局", CITY)).rootCause()
				.hasMessageContaining("refused for the test");
			// nothing of it stays: no bureau (its code free again), no account, no catalogue, no audit entry
			assertThat(bureaus()).isEqualTo(before);
			assertThat(owner.sql("select count(*) from app_user where username like 'ba-broken%'").query(Long.class)
				.single()).isZero();
			assertThat(owner.sql("select count(*) from audit_log where entity_key like 'ba-broken%'").query(Long.class)
				.single()).isZero();
			assertThat(owner.sql("select count(*) from domain where bureau_id not in (select id from bureau)")
				.query(Long.class).single()).isZero();
		}
		finally {
			owner.sql("drop trigger ba_refuse_broken on app_user").update();
			owner.sql("drop function ba_refuse_broken()").update();
		}
		MvcResult again = open("ba-broken", "试开县综合行政执法局", CITY);
		BureauAdministration.Opened opened = (BureauAdministration.Opened) again.getFlashMap().get("opened");
		assertThat(opened.accounts()).extracting(FirstAdministrators.Issued::username)
			.containsExactly("ba-broken-security", "ba-broken-admin");
	}

	@Test
	void renamingABureauOrMovingItToAnotherCityIsAuditedAndItsCodeStays() throws Exception {
		open("ba-songyang", "松阳县执法局", CITY);
		long id = bureauId("ba-songyang");
		assertThat(page(get("/region/bureaus/manage/" + id + "/edit").with(province()))).contains("松阳县执法局",
				"代码 ba-songyang 开设后不能修改");
		MockHttpServletResponse saved = call(post("/region/bureaus/manage/" + id).with(province()).with(csrf())
			.param("code", "ba-other").param("name", "松阳县综合行政执法局").param("city", "衢州市"));
		assertThat(saved.getRedirectedUrl()).isEqualTo("/region/bureaus/manage");
		assertThat(jdbc.sql("select code || ' ' || name || ' ' || city from bureau where id = ?").param(id)
			.query(String.class).single()).isEqualTo("ba-songyang 松阳县综合行政执法局 衢州市");
		assertThat(Bureaus.runAs(main, () -> jdbc.sql("""
				select before_data || ' → ' || after_data from audit_log where action = 'BUREAU_CHANGED' and entity_key = ?""")
			.param("ba-songyang").query(String.class).list())).singleElement().asString()
			.contains("松阳县执法局", CITY, "松阳县综合行政执法局", "衢州市");
		// another bureau's name is refused; an unknown bureau is not found
		assertThat(page(post("/region/bureaus/manage/" + id).with(province()).with(csrf()).param("name", "本局")))
			.contains("已有名为“本局”的执法局");
		assertThat(call(post("/region/bureaus/manage/987654321").with(province()).with(csrf()).param("name", "某局"))
			.getStatus()).isEqualTo(404);
	}

	@Test
	void aCitysLegalOfficeSeesItsCitysBureausWithTheirSizeReadOnlyAndMayNotOpenOrChangeOne() throws Exception {
		String body = page(get("/region/bureaus/manage").with(as(Role.CITY_LEGAL, CITY)));
		assertThat(body).contains("青田县综合行政执法局", "ba-qingtian").doesNotContain("开化县", "无市县", "ba-kaihua")
			.doesNotContain("id=\"bureau-open\"").contains("只读");
		// 青田: two people, one case, no account
		String row = body.substring(body.indexOf("ba-qingtian"));
		row = row.substring(0, row.indexOf("</tr>"));
		assertThat(row.replaceAll("\\s+", "")).contains(">2</td>", ">1</td>", ">0</td>");
		assertThat(call(post("/region/bureaus/manage").with(as(Role.CITY_LEGAL, CITY)).with(csrf())
			.param("code", "ba-city").param("name", "市局开设局")).getStatus()).isEqualTo(403);
		assertThat(call(post("/region/bureaus/manage/" + qingtian).with(as(Role.CITY_LEGAL, CITY)).with(csrf())
			.param("name", "改名")).getStatus()).isEqualTo(403);
		assertThat(call(get("/region/bureaus/manage").with(as(Role.PROVINCE_SUPERVISION, null))).getStatus())
			.isEqualTo(403);
		assertThat(call(get("/region/bureaus/manage").with(as(Role.LEGAL, null))).getStatus()).isEqualTo(403);
	}

	@Test
	void anHtmxRequestGetsTheListAloneOfTheChosenCity() throws Exception {
		String fragment = page(get("/region/bureaus/manage").param("city", CITY).header("HX-Request", "true")
			.with(province()));
		assertThat(fragment).startsWith("<div").contains("id=\"bureau-list\"", "青田县综合行政执法局")
			.doesNotContain("<html", "开化县综合行政执法局");
		assertThat(page(get("/region/bureaus/manage").with(province()))).contains("<html", "青田县综合行政执法局",
				"开化县综合行政执法局", "无市县综合行政执法局", "ba-nocity", "id=\"bureau-open\"");
	}

	@Test
	void theComparisonLinksToTheAdministrationForTheLegalOfficesOnly() throws Exception {
		assertThat(page(get("/region").param("quarter", Q).with(province()))).contains("/region/bureaus/manage");
		assertThat(page(get("/region").param("quarter", Q).with(as(Role.PROVINCE_SUPERVISION, null))))
			.doesNotContain("/region/bureaus/manage");
	}

	@Test
	void theBureausApiListsACitysBureausToItsAccountsAndEveryBureauToTheProvince() throws Exception {
		JsonNode city = json.readTree(page(get("/api/v1/bureaus").with(as(Role.CITY_SUPERVISION, CITY))));
		assertThat(texts(city, "code")).contains("ba-qingtian").doesNotContain("main", "ba-kaihua", "ba-nocity");
		JsonNode qt = city.values().stream().filter(b -> b.get("code").asString().equals("ba-qingtian")).findFirst()
			.orElseThrow();
		assertThat(qt.get("name").asString()).isEqualTo("青田县综合行政执法局");
		assertThat(qt.get("city").asString()).isEqualTo(CITY);
		assertThat(qt.get("people").asLong()).isEqualTo(2);
		assertThat(qt.get("cases").asLong()).isEqualTo(1);
		JsonNode all = json.readTree(page(get("/api/v1/bureaus").with(as(Role.PROVINCE_SUPERVISION, null))));
		assertThat(texts(all, "code")).contains("main", "ba-qingtian", "ba-kaihua", "ba-nocity");
		assertThat(call(get("/api/v1/bureaus").with(as(Role.LEGAL, null))).getStatus()).isEqualTo(403);
	}

	@Test
	void theProvincesLegalOfficeOpensABureauThroughTheApiAndGetsThePasswordsOnceOrItsRefusalsInChinese()
			throws Exception {
		MockHttpServletResponse created = call(post("/api/v1/bureaus").with(province()).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("code", "ba-longquan", "name", "龙泉市综合行政执法局", "city", CITY))));
		assertThat(created.getStatus()).isEqualTo(201);
		JsonNode body = json.readTree(created.getContentAsString(StandardCharsets.UTF_8));
		assertThat(body.get("code").asString()).isEqualTo("ba-longquan");
		assertThat(texts(body.get("accounts"), "username")).containsExactly("ba-longquan-security",
				"ba-longquan-admin");
		assertThat(texts(body.get("accounts"), "role")).containsExactly("安全管理员", "系统管理员");
		assertThat(texts(body.get("accounts"), "password")).allMatch(p -> p.length() >= 12);
		MockHttpServletResponse refused = call(post("/api/v1/bureaus").with(province()).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("code", "ba-longquan", "name", "龙泉市综合行政执法局"))));
		assertThat(refused.getStatus()).isEqualTo(400);
		JsonNode errors = json.readTree(refused.getContentAsString(StandardCharsets.UTF_8)).get("errors");
		assertThat(texts(errors, "field")).containsExactly("code", "name");
		assertThat(texts(errors, "message")).allMatch(m -> m.contains("已"));
		assertThat(call(post("/api/v1/bureaus").with(province()).with(csrf())).getStatus()).isEqualTo(400);
		assertThat(call(post("/api/v1/bureaus").with(as(Role.PROVINCE_SUPERVISION, null)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{}")).getStatus()).isEqualTo(403);
	}

	@Test
	void aRegionalAccountReadsTheScoresRankingsStandardsAndCoverageOfTheBureauItNames() throws Exception {
		for (RequestPostProcessor who : List.of(province(), as(Role.CITY_LEGAL, CITY))) {
			String scores = page(get("/api/v1/scores").param("period", Q).param("bureau", "ba-qingtian").with(who));
			assertThat(scores).contains("青田张三", "青田李四");
			assertThat(page(get("/api/v1/scores/BA001").param("period", Q).param("bureau", "ba-qingtian").with(who)))
				.contains("青田张三", "BA-1");
			assertThat(page(get("/api/v1/rankings").param("period", Q).param("bureau", "ba-qingtian").with(who)))
				.contains("青田张三");
			assertThat(page(get("/api/v1/standards").param("period", Q).param("bureau", "ba-qingtian").with(who)))
				.contains("BA001", "BA002");
			assertThat(page(get("/api/v1/coverage").param("year", "2024").param("bureau", "ba-qingtian").with(who)))
				.contains("青田直属中队");
		}
	}

	@Test
	void aRegionalAccountMustNameABureauAndOneOutsideItsScopeOrUnknownIsNotFoundAlike() throws Exception {
		MockHttpServletResponse none = call(get("/api/v1/scores").param("period", Q).with(province()));
		assertThat(none.getStatus()).isEqualTo(400);
		assertThat(none.getContentAsString(StandardCharsets.UTF_8)).contains("请用参数 bureau 指明要查看的执法局");
		// 开化 is of 衢州市: outside a 丽水市 account's bureaus, answered as an unknown code is
		MockHttpServletResponse otherCity = call(get("/api/v1/scores").param("period", Q).param("bureau", "ba-kaihua")
			.with(as(Role.CITY_LEGAL, CITY)));
		MockHttpServletResponse unknown = call(get("/api/v1/scores").param("period", Q).param("bureau", "no-such")
			.with(as(Role.CITY_LEGAL, CITY)));
		assertThat(otherCity.getStatus()).isEqualTo(404);
		assertThat(unknown.getStatus()).isEqualTo(404);
		assertThat(otherCity.getContentAsString(StandardCharsets.UTF_8))
			.isEqualTo(unknown.getContentAsString(StandardCharsets.UTF_8)).contains("没有这个执法局");
	}

	@Test
	void theApiDocumentationNamesTheBureauParameterOnTheFiveReads() throws Exception {
		JsonNode paths = json.readTree(page(get("/v3/api-docs").with(as(Role.LEGAL, null)))).get("paths");
		for (String path : List.of("/api/v1/scores", "/api/v1/scores/{employeeNo}", "/api/v1/rankings", "/api/v1/standards",
				"/api/v1/coverage")) {
			assertThat(texts(paths.get(path).get("get").get("parameters"), "name")).as(path).contains("bureau");
		}
		assertThat(paths.get("/api/v1/bureaus").get("get").has("parameters")).isFalse();
		assertThat(paths.toString()).contains("市局、省厅账号必填");
	}

	@Test
	void aBureausAccountMayNameItsOwnBureauOnlyAndReadsItsOwnWithoutIt() throws Exception {
		RequestPostProcessor legal = as(Role.LEGAL, null);
		String own = page(get("/api/v1/scores").param("period", Q).with(legal));
		assertThat(page(get("/api/v1/scores").param("period", Q).param("bureau", "main").with(legal))).isEqualTo(own);
		MockHttpServletResponse other = call(get("/api/v1/scores").param("period", Q).param("bureau", "ba-qingtian")
			.with(legal));
		assertThat(other.getStatus()).isEqualTo(404);
		assertThat(other.getContentAsString(StandardCharsets.UTF_8)).doesNotContain("青田");
	}

}
