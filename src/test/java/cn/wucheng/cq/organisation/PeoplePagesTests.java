package cn.wucheng.cq.organisation;

import static cn.wucheng.cq.support.HtmlRows.cell;
import static cn.wucheng.cq.support.HtmlRows.keys;
import static cn.wucheng.cq.support.HtmlRows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Period;
import java.util.Map;

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
 * 人员 pages: the paged, filtered, scoped list with age and masked phone, the person page with unit history,
 * and add/edit by 法制科 with Chinese validation, optimistic locking and dated unit transfers.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeoplePagesTests {

	static final LocalDate BIRTH = LocalDate.of(1980, 6, 15);

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	long big;

	long east;

	long west;

	long leaderOfEast;

	long memberOfEast;

	long auxiliaryOfEast;

	long memberOfWest;

	@BeforeAll
	void bureau() {
		Bureau bureau = new Bureau(jdbc);
		big = bureau.unit("PT大中队", "一类中队");
		for (int i = 1; i <= 60; i++) {
			bureau.officer(String.format("PTB%03d", i), "大队员" + i, big);
		}
		east = bureau.unit("PT城东中队", "一类中队");
		west = bureau.unit("PT城西中队", "二类中队");
		leaderOfEast = bureau.person("PT001", "东队长", "FEMALE", BIRTH, "FORMAL", east, "SQUAD_LEADER");
		memberOfEast = bureau.person("PT002", "东队员", "MALE", BIRTH, "FORMAL", east, "MEMBER");
		auxiliaryOfEast = bureau.auxiliary("PT003", "东辅助", east);
		memberOfWest = bureau.officer("PT004", "西队员", west);
		jdbc.sql("update person set phone = '13912345678' where id = ?").param(memberOfEast).update();
	}

	@Test
	void theListShowsFiftyPeoplePerPage() throws Exception {
		String first = page(get("/people").param("unit", String.valueOf(big)), Users.legalSection());
		assertThat(keys(first, "data-person")).hasSize(50).startsWith("PTB001").endsWith("PTB050");
		assertThat(first).contains("第 1 / 2 页，共 60 条").contains("page=2");
		String second = page(get("/people").param("unit", String.valueOf(big)).param("page", "2"),
				Users.legalSection());
		assertThat(keys(second, "data-person")).hasSize(10).startsWith("PTB051").endsWith("PTB060");
		assertThat(second).contains("第 2 / 2 页，共 60 条");
	}

	@Test
	void peopleAreSearchedByEmployeeNumberOrName() throws Exception {
		assertThat(keys(page(get("/people").param("q", "ptb007"), Users.legalSection()), "data-person"))
			.containsExactly("PTB007");
		assertThat(keys(page(get("/people").param("q", "东队"), Users.legalSection()), "data-person"))
			.containsExactly("PT001", "PT002");
	}

	@Test
	void peopleAreFilteredByUnitCategoryAndPost() throws Exception {
		String unit = String.valueOf(east);
		assertThat(keys(page(get("/people").param("q", "PT00").param("unit", unit).param("category", "AUXILIARY"), Users.leader()),
				"data-person")).containsExactly("PT003");
		assertThat(keys(page(get("/people").param("q", "PT00").param("unit", unit).param("post", "SQUAD_LEADER"), Users.leader()),
				"data-person")).containsExactly("PT001");
		assertThat(keys(page(get("/people").param("q", "PT00").param("unit", unit).param("category", "FORMAL"), Users.leader()),
				"data-person")).containsExactly("PT001", "PT002");
	}

	@Test
	void anInvalidFilterIsReportedInChineseAndIgnored() throws Exception {
		String html = page(get("/people").param("q", "PT00").param("unit", String.valueOf(east)).param("category", "TEMPORARY"),
				Users.leader());
		assertThat(html).contains("人员类别无效，已忽略此条件");
		assertThat(keys(html, "data-person")).containsExactly("PT001", "PT002", "PT003");
	}

	@Test
	void theListShowsAgeInsteadOfBirthDateAndMasksThePhone() throws Exception {
		String html = page(get("/people").param("unit", String.valueOf(east)), Users.supervision());
		String row = row(html, "data-person", "PT002");
		assertThat(cell(row, "age")).isEqualTo(String.valueOf(Period.between(BIRTH, LocalDate.now()).getYears()));
		assertThat(cell(row, "phone")).isEqualTo("139****5678");
		assertThat(html).doesNotContain("1980-06-15").doesNotContain("13912345678");
		assertThat(row).contains("正式执法人员").contains("PT城东中队").contains("队员").contains("男");
	}

	@Test
	void anHtmxRequestGetsOnlyTheTableAndAPlainRequestTheWholePage() throws Exception {
		String fragment = page(get("/people").param("q", "PT002").header("HX-Request", "true"), Users.legalSection());
		assertThat(fragment).startsWith("<div id=\"people-table\"").doesNotContain("<html").doesNotContain("people-filter");
		assertThat(keys(fragment, "data-person")).containsExactly("PT002");
		String full = page(get("/people").param("q", "PT002"), Users.legalSection());
		assertThat(full).contains("<html").contains("id=\"people-filter\"").contains("id=\"people-table\"");
	}

	@Test
	void thePersonPageShowsDetailsHistoryAndLinksToCasesAndScores() throws Exception {
		String html = page(get("/people/{id}", memberOfEast), Users.leader());
		assertThat(html).contains("东队员").contains("PT城东中队").contains("/cases?handler=PT002")
			.contains("/scores/PT002").contains("（最初）");
		assertThat(html).as("birth date and phone are personal data").doesNotContain("1980-06-15")
			.doesNotContain("13912345678").contains("139****5678").contains("1980-**-**");
	}

	@Test
	void theLegalSectionSeesPersonalDataMaskedUntilItUnmasksItAndEachUnmaskingIsAudited() throws Exception {
		String masked = page(get("/people/{id}", memberOfEast), Users.legalSection());
		assertThat(masked).contains("139****5678").contains("1980-**-**").doesNotContain("13912345678")
			.doesNotContain("1980-06-15").contains("id=\"unmask-personal-data\"");
		long before = unmaskings("PT002");

		var flash = mvc.perform(post("/people/{id}/personal-data", memberOfEast).with(csrf()).with(Users.legalSection()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getFlashMap();
		String unmasked = mvc.perform(get("/people/{id}", memberOfEast).flashAttrs(flash).with(Users.legalSection()))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(unmasked).contains("13912345678").contains("1980-06-15").contains("id=\"unmasked-notice\"")
			.doesNotContain("id=\"unmask-personal-data\"");
		assertThat(unmaskings("PT002")).isEqualTo(before + 1);
		assertThat(jdbc.sql("""
				select username from audit_log where action = 'PERSONAL_DATA_UNMASKED' and entity_key = 'PT002'
				order by id desc""").query(String.class).list().get(0)).isEqualTo("legal");
		assertThat(page(get("/people/{id}", memberOfEast), Users.legalSection())).as("masked again at the next view")
			.doesNotContain("13912345678");
	}

	@Test
	void thePersonHimselfSeesHisOwnInFullWithoutUnmaskingAndOthersCannotUnmask() throws Exception {
		String own = page(get("/people/{id}", memberOfEast), Users.officer(memberOfEast, east));
		assertThat(own).contains("13912345678").contains("1980-06-15").doesNotContain("unmask-personal-data");
		for (RequestPostProcessor reader : new RequestPostProcessor[] { Users.leader(), Users.supervision(),
				Users.squadLeaderOf(east), Users.legalOfficerOf(east) }) {
			String html = page(get("/people/{id}", memberOfEast), reader);
			assertThat(html).contains("139****5678").doesNotContain("13912345678").doesNotContain("unmask-personal-data");
			mvc.perform(post("/people/{id}/personal-data", memberOfEast).with(csrf()).with(reader))
				.andExpect(status().isForbidden());
		}
		mvc.perform(post("/people/{id}/personal-data", 987_654).with(csrf()).with(Users.legalSection()))
			.andExpect(status().isNotFound());
	}

	@Test
	void theAuditLogOfAPersonChangeKeepsPhoneAndBirthDateMasked() throws Exception {
		mvc.perform(post("/people/new").with(Users.legalSection()).with(csrf())
			.params(form(Map.of("employeeNo", "PT101", "unitId", String.valueOf(west), "phone", "13700001111"))))
			.andExpect(redirectedUrlPattern("/people/*"));
		String after = jdbc.sql("select after_data from audit_log where action = 'PERSON_CREATED' and entity_key = 'PT101'")
			.query(String.class)
			.single();
		assertThat(after).contains("手机=137****1111").contains("出生日期=1985-**-**").doesNotContain("13700001111")
			.doesNotContain("1985-03-05");
	}

	private long unmaskings(String employeeNo) {
		return jdbc.sql("select count(*) from audit_log where action = 'PERSONAL_DATA_UNMASKED' and entity_key = ?")
			.param(employeeNo)
			.query(Long.class)
			.single();
	}

	@Test
	void legalSectionAddsAPersonAndTheAuditRecordsHim() throws Exception {
		mvc.perform(post("/people/new").with(Users.legalSection()).with(csrf()).params(form(Map.of("employeeNo", "PT100",
				"name", "新人", "unitId", String.valueOf(west)))))
			.andExpect(redirectedUrlPattern("/people/*"));
		var p = jdbc.sql("select name, unit_id, category, post from person where employee_no = 'PT100'")
			.query((rs, n) -> rs.getString(1) + "|" + rs.getLong(2) + "|" + rs.getString(3) + "|" + rs.getString(4))
			.single();
		assertThat(p).isEqualTo("新人|" + west + "|FORMAL|MEMBER");
		assertThat(jdbc.sql("select count(*) from person_unit_history h join person p on p.id = h.person_id where p.employee_no = 'PT100'")
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("select after_data from audit_log where action = 'PERSON_CREATED' and entity_key = 'PT100'")
			.query(String.class)
			.single()).contains("姓名=新人").contains("单位=PT城西中队");
	}

	@Test
	void eachInvalidFieldGetsItsOwnChineseMessage() throws Exception {
		Map<String, String[]> cases = Map.ofEntries(
				Map.entry("employeeNo", new String[] { "", "请填写工号" }),
				Map.entry("employeeNo ", new String[] { "PT 1", "工号只能由字母、数字、“-”或“_”组成" }),
				Map.entry("name", new String[] { " ", "请填写姓名" }),
				Map.entry("sex", new String[] { "", "请选择性别" }),
				Map.entry("birthDate", new String[] { "", "请填写出生日期" }),
				Map.entry("birthDate ", new String[] { "1980/13/01", "出生日期格式不正确，应为 1985-03-05 这样的日期" }),
				Map.entry("birthDate  ", new String[] { LocalDate.now().minusYears(10).toString(),
						"出生日期不合理：年龄须在 16 至 80 周岁之间" }),
				Map.entry("category", new String[] { "", "请选择人员类别（正式执法人员或辅助人员）" }),
				Map.entry("unitId", new String[] { "", "请选择所属单位" }),
				Map.entry("post", new String[] { "", "请选择职务" }),
				Map.entry("post ", new String[] { "办案内勤", "职务无效，请从列表中选择" }),
				Map.entry("phone", new String[] { "12345", "手机号格式不正确" }));
		for (var c : cases.entrySet()) {
			var params = form(Map.of("employeeNo", "PT200", "unitId", String.valueOf(west)));
			params.set(c.getKey().trim(), c.getValue()[0]);
			String html = page(post("/people/new").params(params).with(csrf()), Users.legalSection());
			assertThat(html).as(c.getKey()).contains(c.getValue()[1]);
		}
		assertThat(jdbc.sql("select count(*) from person where employee_no = 'PT200'").query(Long.class).single())
			.isZero();
	}

	@Test
	void anEmployeeNumberIsUnique() throws Exception {
		String html = page(post("/people/new").params(form(Map.of("employeeNo", "PT002", "name", "重号",
				"unitId", String.valueOf(west)))).with(csrf()), Users.legalSection());
		assertThat(html).contains("工号“PT002”已被 东队员 使用，工号不能重复");
		assertThat(jdbc.sql("select name from person where employee_no = 'PT002'").query(String.class).single())
			.isEqualTo("东队员");
	}

	@Test
	void changingTheUnitAsksFromWhenItApplies() throws Exception {
		long id = new Bureau(jdbc).officer("PT300", "调动甲", east);
		String html = page(post("/people/{id}/edit", id).params(form(Map.of("name", "调动甲",
				"unitId", String.valueOf(west), "version", String.valueOf(version(id))))).with(csrf()),
				Users.legalSection());
		assertThat(html).contains("更换了所属单位，请填写调动生效日期（从哪天起属于新单位）");
		assertThat(unitOf(id)).isEqualTo(east);
		String future = page(post("/people/{id}/edit", id).params(form(Map.of("name", "调动甲",
				"unitId", String.valueOf(west), "version", String.valueOf(version(id)),
				"transferFrom", LocalDate.now().plusDays(1).toString()))).with(csrf()), Users.legalSection());
		assertThat(future).contains("调动生效日期不能晚于今天");
		assertThat(unitOf(id)).isEqualTo(east);
	}

	@Test
	void aUnitTransferWritesTheUnitHistoryAndKeepsTheEarlierUnitForEarlierPeriods() throws Exception {
		long id = new Bureau(jdbc).officer("PT301", "调动乙", east);
		mvc.perform(post("/people/{id}/edit", id).with(Users.legalSection()).with(csrf())
			.params(form(Map.of("name", "调动乙", "unitId", String.valueOf(west), "version",
					String.valueOf(version(id)), "transferFrom", "2024-04-01"))))
			.andExpect(redirectedUrlPattern("/people/*"));
		assertThat(unitOf(id)).isEqualTo(west);
		assertThat(jdbc.sql("select unit_id || '@' || valid_from from person_unit_history where person_id = ? order by valid_from")
			.param(id)
			.query(String.class)
			.list()).containsExactly(east + "@1900-01-01", west + "@2024-04-01");
		assertThat(jdbc.sql("select detail from audit_log where action = 'PERSON_TRANSFERRED' and entity_key = 'PT301'")
			.query(String.class)
			.single()).contains("2024-04-01");
		String html = page(get("/people/{id}", id), Users.legalSection());
		assertThat(html).contains("2024-04-01").contains("PT城西中队").contains("PT城东中队");
		// a second move may not reach back before the current assignment (R-02 history stays consistent)
		String back = page(post("/people/{id}/edit", id).params(form(Map.of("name", "调动乙", "unitId",
				String.valueOf(east), "version", String.valueOf(version(id)), "transferFrom", "2024-01-01")))
			.with(csrf()), Users.legalSection());
		assertThat(back).contains("调动生效日期不能早于当前单位的起始日期 2024-04-01");
		assertThat(unitOf(id)).isEqualTo(west);
	}

	@Test
	void anEditFromAStaleFormIsRefusedAndOverwritesNothing() throws Exception {
		long id = new Bureau(jdbc).officer("PT302", "并发", east);
		int version = version(id);
		mvc.perform(post("/people/{id}/edit", id).with(Users.legalSection()).with(csrf())
			.params(form(Map.of("name", "第一人改", "unitId", String.valueOf(east), "version", String.valueOf(version)))))
			.andExpect(redirectedUrlPattern("/people/*"));
		String html = page(post("/people/{id}/edit", id).params(form(Map.of("name", "第二人改", "unitId",
				String.valueOf(east), "version", String.valueOf(version)))).with(csrf()), Users.legalSection());
		assertThat(html).contains("该记录已被他人修改，请刷新后重试。");
		assertThat(jdbc.sql("select name from person where id = ?").param(id).query(String.class).single())
			.isEqualTo("第一人改");
	}

	@Test
	void squadRolesSeeThePeopleOfTheirUnitOnly() throws Exception {
		for (RequestPostProcessor user : new RequestPostProcessor[] { Users.squadLeaderOf(east),
				Users.legalOfficerOf(east) }) {
			assertThat(keys(page(get("/people").param("q", "PT00"), user), "data-person"))
				.containsExactly("PT001", "PT002", "PT003");
			page(get("/people/{id}", memberOfEast), user);
			mvc.perform(get("/people/{id}", memberOfWest).with(user)).andExpect(status().isNotFound());
			mvc.perform(get("/people/new").with(user)).andExpect(status().isForbidden());
		}
	}

	@Test
	void anOfficerSeesOnlyHimself() throws Exception {
		RequestPostProcessor officer = Users.officer(memberOfEast, east);
		assertThat(keys(page(get("/people"), officer), "data-person")).containsExactly("PT002");
		assertThat(page(get("/people/{id}", memberOfEast), officer)).contains("13912345678");
		mvc.perform(get("/people/{id}", leaderOfEast).with(officer)).andExpect(status().isNotFound());
		mvc.perform(post("/people/{id}/edit", memberOfEast).with(officer).with(csrf()).param("name", "自改"))
			.andExpect(status().isForbidden());
	}

	@Test
	void theAdministratorSeesNoPeopleAndReadersCannotEdit() throws Exception {
		mvc.perform(get("/people").with(Users.admin())).andExpect(status().isForbidden());
		mvc.perform(get("/people/{id}", memberOfEast).with(Users.admin())).andExpect(status().isForbidden());
		for (RequestPostProcessor reader : new RequestPostProcessor[] { Users.supervision(), Users.leader() }) {
			mvc.perform(get("/people/{id}/edit", memberOfEast).with(reader)).andExpect(status().isForbidden());
		}
	}

	@Test
	void anUnknownPersonAnswersNotFound() throws Exception {
		mvc.perform(get("/people/{id}", 987_654).with(Users.legalSection())).andExpect(status().isNotFound());
		mvc.perform(get("/people/{id}/edit", 987_654).with(Users.legalSection())).andExpect(status().isNotFound());
	}

	/** A valid form; entries override fields. */
	private static org.springframework.util.LinkedMultiValueMap<String, String> form(Map<String, String> values) {
		var map = new org.springframework.util.LinkedMultiValueMap<String, String>();
		map.set("employeeNo", "PT999");
		map.set("name", "张三");
		map.set("sex", "MALE");
		map.set("birthDate", "1985-03-05");
		map.set("category", "FORMAL");
		map.set("post", "MEMBER");
		map.set("phone", "");
		values.forEach(map::set);
		return map;
	}

	private int version(long id) {
		return jdbc.sql("select version from person where id = ?").param(id).query(Integer.class).single();
	}

	private long unitOf(long id) {
		return jdbc.sql("select unit_id from person where id = ?").param(id).query(Long.class).single();
	}

	private String page(MockHttpServletRequestBuilder request, RequestPostProcessor user) throws Exception {
		return mvc.perform(request.with(user))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

}
