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
import java.util.List;

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

/** 单位 pages: list with people counts and managed domains, unit page, add/edit by 法制科, scope. */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnitPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	long direct;

	long classOne;

	long classTwoOwnSet;

	long section;

	long officerId;

	@BeforeAll
	void bureau() {
		Bureau bureau = new Bureau(jdbc);
		direct = bureau.unit("UT直属一中队", "直属中队");
		bureau.manages(direct, "市容环境卫生", "城乡规划", "园林绿化");
		classOne = bureau.unit("UT城东中队", "一类中队");
		classTwoOwnSet = bureau.unit("UT乡镇中队", "二类中队");
		bureau.manages(classTwoOwnSet, "水利");
		section = bureau.unit("UT法制科", "科室");
		officerId = bureau.officer("UT001", "直一", direct);
		bureau.officer("UT002", "直二", direct);
		bureau.auxiliary("UT003", "直辅", direct);
		bureau.officer("UT004", "东一", classOne);
		jdbc.sql("update person set phone = '13812341234' where employee_no = 'UT001'").update();
	}

	@Test
	void theListShowsTypePeopleAndManagedDomainsWithTheDefaultOfR03() throws Exception {
		String html = page(get("/units"), Users.legalSection());
		String d = row(html, "data-unit", "UT直属一中队");
		assertThat(cell(d, "type")).isEqualTo("直属中队");
		assertThat(cell(d, "formal")).isEqualTo("2");
		assertThat(cell(d, "auxiliary")).isEqualTo("1");
		assertThat(cell(d, "managed")).isEqualTo("3 个领域");
		String c1 = row(html, "data-unit", "UT城东中队");
		assertThat(cell(c1, "type")).isEqualTo("一类中队");
		assertThat(cell(c1, "managed")).startsWith("默认：全部领域");
		assertThat(cell(row(html, "data-unit", "UT乡镇中队"), "managed")).isEqualTo("1 个领域");
		assertThat(cell(row(html, "data-unit", "UT法制科"), "managed")).contains("机关单位不管理领域");
	}

	@Test
	void unitsAreSearchedByNameAndByType() throws Exception {
		assertThat(keys(page(get("/units").param("name", "UT城东"), Users.legalSection()), "data-unit"))
			.containsExactly("UT城东中队");
		List<String> squads = keys(page(get("/units").param("type", "CLASS2_SQUAD"), Users.legalSection()),
				"data-unit");
		assertThat(squads).contains("UT乡镇中队").doesNotContain("UT城东中队", "UT直属一中队");
		assertThat(keys(page(get("/units").param("name", "UT").param("type", "科室"), Users.legalSection()),
				"data-unit")).containsExactly("UT法制科");
	}

	@Test
	void theUnitPageListsItsPeopleWithMaskedPhones() throws Exception {
		String html = page(get("/units/{id}", direct), Users.supervision());
		assertThat(keys(html, "data-person")).containsExactly("UT001", "UT002", "UT003");
		assertThat(row(html, "data-person", "UT001")).contains("138****1234").doesNotContain("13812341234");
		assertThat(html).contains("市容环境卫生").contains("园林绿化");
	}

	@Test
	void legalSectionAddsASquadWithItsManagedDomainsFromTheCheckboxGrid() throws Exception {
		long a = domainId("民政");
		long b = domainId("统计");
		mvc.perform(post("/units/new").with(Users.legalSection()).with(csrf())
			.param("name", "UT直属新中队")
			.param("type", "DIRECT_SQUAD")
			.param("domainIds", String.valueOf(a), String.valueOf(b)))
			.andExpect(redirectedUrlPattern("/units/*"));
		long id = jdbc.sql("select id from unit where name = 'UT直属新中队'").query(Long.class).single();
		assertThat(jdbc.sql("select domain_id from unit_domain where unit_id = ? order by domain_id")
			.param(id)
			.query(Long.class)
			.list()).containsExactly(Math.min(a, b), Math.max(a, b));
		assertThat(jdbc.sql("select after_data from audit_log where action = 'UNIT_CREATED' and entity_key = 'UT直属新中队'")
			.query(String.class)
			.single()).contains("类型=直属中队").contains("民政").contains("统计");
	}

	@Test
	void aClassOneSquadWithoutTickedDomainsManagesAllByDefault() throws Exception {
		mvc.perform(post("/units/new").with(Users.legalSection()).with(csrf())
			.param("name", "UT城西中队")
			.param("type", "CLASS1_SQUAD")).andExpect(redirectedUrlPattern("/units/*"));
		long id = jdbc.sql("select id from unit where name = 'UT城西中队'").query(Long.class).single();
		assertThat(page(get("/units/{id}", id), Users.legalSection())).contains("默认：全部领域");
	}

	@Test
	void aUnitNeedsAUniqueNameAndAType() throws Exception {
		assertThat(page(post("/units/new").param("name", "").param("type", "SECTION").with(csrf()),
				Users.legalSection()))
			.contains("请填写单位名称");
		assertThat(page(post("/units/new").param("name", "UT城东中队").param("type", "CLASS1_SQUAD").with(csrf()),
				Users.legalSection()))
			.contains("单位名称“UT城东中队”已存在，请换一个名称");
		assertThat(page(post("/units/new").param("name", "UT无类型").with(csrf()), Users.legalSection()))
			.contains("请选择单位类型");
		assertThat(page(post("/units/new").param("name", "UT坏类型").param("type", "BRIGADE").with(csrf()),
				Users.legalSection()))
			.contains("单位类型无效，请从列表中选择");
		assertThat(jdbc.sql("select count(*) from unit where name in ('UT无类型', 'UT坏类型')").query(Long.class).single())
			.isZero();
	}

	@Test
	void aSectionManagesNoDomains() throws Exception {
		String html = page(post("/units/new").param("name", "UT督查科")
			.param("type", "SECTION")
			.param("domainIds", String.valueOf(domainId("民政")))
			.with(csrf()), Users.legalSection());
		assertThat(html).contains("科室、指挥中心不管理执法领域");
		assertThat(jdbc.sql("select count(*) from unit where name = 'UT督查科'").query(Long.class).single()).isZero();
	}

	@Test
	void legalSectionChangesTheManagedDomainsAndTheAuditKeepsBeforeAndAfter() throws Exception {
		int version = version(classTwoOwnSet);
		mvc.perform(post("/units/{id}/edit", classTwoOwnSet).with(Users.legalSection()).with(csrf())
			.param("name", "UT乡镇中队")
			.param("type", "CLASS2_SQUAD")
			.param("version", String.valueOf(version))
			.param("domainIds", String.valueOf(domainId("林业")))).andExpect(redirectedUrlPattern("/units/*"));
		assertThat(jdbc.sql("select d.name from unit_domain ud join domain d on d.id = ud.domain_id where ud.unit_id = ?")
			.param(classTwoOwnSet)
			.query(String.class)
			.list()).containsExactly("林业");
		var entry = jdbc.sql("select before_data, after_data from audit_log where action = 'UNIT_CHANGED' and entity_key = 'UT乡镇中队'")
			.query((rs, n) -> rs.getString(1) + "|" + rs.getString(2))
			.single();
		assertThat(entry).contains("管理领域=水利|").endsWith("管理领域=林业");
	}

	@Test
	void anEditFromAStaleFormIsRefusedAndOverwritesNothing() throws Exception {
		int stale = version(direct) - 1;
		String html = page(post("/units/{id}/edit", direct).param("name", "UT被覆盖")
			.param("type", "DIRECT_SQUAD")
			.param("version", String.valueOf(stale))
			.with(csrf()), Users.legalSection());
		assertThat(html).contains("该记录已被他人修改，请刷新后重试。");
		assertThat(jdbc.sql("select name from unit where id = ?").param(direct).query(String.class).single())
			.isEqualTo("UT直属一中队");
		assertThat(jdbc.sql("select count(*) from unit_domain where unit_id = ?").param(direct).query(Long.class).single())
			.isEqualTo(3);
	}

	@Test
	void squadRolesSeeOnlyTheirOwnUnit() throws Exception {
		for (RequestPostProcessor user : new RequestPostProcessor[] { Users.squadLeaderOf(direct),
				Users.legalOfficerOf(direct) }) {
			assertThat(keys(page(get("/units"), user), "data-unit")).containsExactly("UT直属一中队");
			page(get("/units/{id}", direct), user);
			mvc.perform(get("/units/{id}", classOne).with(user)).andExpect(status().isNotFound());
			mvc.perform(get("/units/new").with(user)).andExpect(status().isForbidden());
			mvc.perform(get("/units/{id}/edit", direct).with(user)).andExpect(status().isForbidden());
		}
	}

	@Test
	void bureauWideReadersSeeEveryUnitButCannotEdit() throws Exception {
		for (RequestPostProcessor user : new RequestPostProcessor[] { Users.supervision(), Users.leader() }) {
			assertThat(keys(page(get("/units"), user), "data-unit")).contains("UT直属一中队", "UT城东中队", "UT法制科");
			mvc.perform(post("/units/new").param("name", "UT越权").param("type", "SECTION").with(csrf()).with(user))
				.andExpect(status().isForbidden());
		}
	}

	@Test
	void officersAndTheAdministratorMayNotSeeUnits() throws Exception {
		mvc.perform(get("/units").with(Users.officer(officerId, direct))).andExpect(status().isForbidden());
		mvc.perform(get("/units/{id}", direct).with(Users.officer(officerId, direct)))
			.andExpect(status().isForbidden());
		mvc.perform(get("/units").with(Users.admin())).andExpect(status().isForbidden());
	}

	private long domainId(String name) {
		return jdbc.sql("select id from domain where name = ?").param(name).query(Long.class).single();
	}

	private int version(long unitId) {
		return jdbc.sql("select version from unit where id = ?").param(unitId).query(Integer.class).single();
	}

	private String page(MockHttpServletRequestBuilder request, RequestPostProcessor user) throws Exception {
		return mvc.perform(request.with(user))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

}
