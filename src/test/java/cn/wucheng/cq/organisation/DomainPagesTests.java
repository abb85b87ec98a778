package cn.wucheng.cq.organisation;

import static cn.wucheng.cq.support.HtmlRows.cell;
import static cn.wucheng.cq.support.HtmlRows.keys;
import static cn.wucheng.cq.support.HtmlRows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
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
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.wucheng.cq.support.Bureau;
import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.Users;

/** 执法领域 page: list with use counts, add/edit by 法制科 with Chinese messages, read-only for other readers. */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DomainPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	long squadA;

	long squadB;

	@BeforeAll
	void bureau() {
		Bureau bureau = new Bureau(jdbc);
		jdbc.sql("insert into domain (code, name, sort_order) values ('DTA', 'DT领域甲', 901), ('DTB', 'DT领域乙', 902)")
			.update();
		squadA = bureau.unit("DT直属中队", "直属中队");
		bureau.manages(squadA, "DT领域甲");
		squadB = bureau.unit("DT城东中队", "一类中队"); // no own set: manages every domain by default
		long a1 = bureau.officer("DT001", "甲一", squadA);
		long a2 = bureau.officer("DT002", "甲二", squadA);
		long b1 = bureau.officer("DT003", "乙一", squadB);
		long b2 = bureau.officer("DT004", "乙二", squadB);
		LocalDate d = LocalDate.of(2024, 3, 1);
		bureau.caseIn("DT-C1", "普通程序", "DT领域甲", squadA, a1, a2, d, d);
		bureau.caseIn("DT-C2", "简易程序", "DT领域甲", squadA, a2, a1, d, d);
		bureau.caseIn("DT-C3", "简易程序", "DT领域甲", squadB, b1, b2, d, d);
	}

	@Test
	void theThirtyDefaultDomainsAreListedInCatalogueOrder() throws Exception {
		String html = page(get("/domains"), Users.legalSection());
		assertThat(keys(html, "data-domain")).startsWith("市容环境卫生", "城乡规划", "园林绿化").contains("统计");
		assertThat(jdbc.sql("select count(*) from domain where code like 'D%' and code between 'D01' and 'D30'")
			.query(Long.class)
			.single()).isEqualTo(30);
	}

	@Test
	void squadCountIncludesConfiguredSquadsAndTheClassOneAndTwoSquadsThatManageAllByDefault() throws Exception {
		String html = page(get("/domains"), Users.legalSection());
		long configuredOne = Long.parseLong(cell(row(html, "data-domain", "DT领域甲"), "squads"));
		long defaultsOnly = Long.parseLong(cell(row(html, "data-domain", "DT领域乙"), "squads"));
		assertThat(defaultsOnly).as("DT城东中队 manages DT领域乙 by default").isGreaterThanOrEqualTo(1);
		assertThat(configuredOne).isEqualTo(defaultsOnly + 1);
	}

	@Test
	void caseCountsPerDomainFollowTheReadersScope() throws Exception {
		String all = page(get("/domains"), Users.leader());
		assertThat(cell(row(all, "data-domain", "DT领域甲"), "cases")).isEqualTo("3");
		assertThat(cell(row(all, "data-domain", "DT领域乙"), "cases")).isEqualTo("0");
		String squad = page(get("/domains"), Users.squadLeaderOf(squadA));
		assertThat(cell(row(squad, "data-domain", "DT领域甲"), "cases")).isEqualTo("2");
	}

	@Test
	void legalSectionAddsADomainWithAnAuditEntry() throws Exception {
		mvc.perform(post("/domains/new").with(Users.legalSection()).with(csrf())
			.param("name", " DT新增领域 ")
			.param("code", "DT31"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/domains"))
			.andExpect(flash().attribute("flashSuccess", "已保存执法领域“DT新增领域”"));
		assertThat(jdbc.sql("select code from domain where name = 'DT新增领域'").query(String.class).single())
			.isEqualTo("DT31");
		assertThat(jdbc.sql("select after_data from audit_log where action = 'DOMAIN_CREATED' and entity_key = 'DT新增领域'")
			.query(String.class)
			.single()).contains("名称=DT新增领域").contains("编码=DT31");
	}

	@Test
	void aDomainNameMustBeGivenAndUnique() throws Exception {
		assertThat(page(post("/domains/new").param("name", "  ").with(csrf()), Users.legalSection()))
			.contains("请填写领域名称");
		assertThat(page(post("/domains/new").param("name", "市容环境卫生").with(csrf()), Users.legalSection()))
			.contains("领域名称“市容环境卫生”已存在，请换一个名称");
		assertThat(page(post("/domains/new").param("name", "x".repeat(51)).with(csrf()), Users.legalSection()))
			.contains("领域名称最多 50 个字");
		assertThat(jdbc.sql("select count(*) from domain where name = '市容环境卫生'").query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void aDomainCodeMayNotBeUsedTwice() throws Exception {
		assertThat(page(post("/domains/new").param("name", "DT重码领域").param("code", "D01").with(csrf()),
				Users.legalSection()))
			.contains("领域编码“D01”已被其他领域使用");
		assertThat(jdbc.sql("select count(*) from domain where name = 'DT重码领域'").query(Long.class).single())
			.isZero();
	}

	@Test
	void legalSectionRenamesADomainAndTheAuditKeepsBeforeAndAfter() throws Exception {
		long id = domainId("DT领域乙");
		int version = version(id);
		mvc.perform(post("/domains/{id}/edit", id).with(Users.legalSection()).with(csrf())
			.param("name", "DT领域乙改")
			.param("code", "DTB")
			.param("version", String.valueOf(version)))
			.andExpect(redirectedUrl("/domains"));
		assertThat(jdbc.sql("select name from domain where id = ?").param(id).query(String.class).single())
			.isEqualTo("DT领域乙改");
		var entry = jdbc.sql("select before_data, after_data from audit_log where action = 'DOMAIN_CHANGED' and entity_key = 'DT领域乙改'")
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
			.single();
		assertThat(entry[0]).contains("名称=DT领域乙");
		assertThat(entry[1]).contains("名称=DT领域乙改");
		// put it back for the other tests
		mvc.perform(post("/domains/{id}/edit", id).with(Users.legalSection()).with(csrf())
			.param("name", "DT领域乙")
			.param("code", "DTB")
			.param("version", String.valueOf(version + 1))).andExpect(redirectedUrl("/domains"));
	}

	@Test
	void anEditFromAStaleFormIsRefusedAndOverwritesNothing() throws Exception {
		long id = domainId("DT领域甲");
		int stale = version(id) - 1;
		String html = page(post("/domains/{id}/edit", id).param("name", "DT领域甲被覆盖")
			.param("version", String.valueOf(stale))
			.with(csrf()), Users.legalSection());
		assertThat(html).contains("该记录已被他人修改，请刷新后重试。");
		assertThat(jdbc.sql("select count(*) from domain where name = 'DT领域甲'").query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void otherReadersSeeTheCatalogueWithoutEditing() throws Exception {
		for (RequestPostProcessor reader : new RequestPostProcessor[] { Users.supervision(), Users.leader(),
				Users.squadLeaderOf(squadA), Users.legalOfficerOf(squadA) }) {
			String html = page(get("/domains"), reader);
			assertThat(html).contains("DT领域甲").doesNotContain("/domains/new");
			mvc.perform(get("/domains/new").with(reader)).andExpect(status().isForbidden());
			mvc.perform(post("/domains/new").param("name", "DT越权").with(csrf()).with(reader))
				.andExpect(status().isForbidden());
		}
		assertThat(jdbc.sql("select count(*) from domain where name = 'DT越权'").query(Long.class).single()).isZero();
	}

	@Test
	void officersAndTheAdministratorMayNotSeeTheCatalogue() throws Exception {
		mvc.perform(get("/domains").with(Users.admin())).andExpect(status().isForbidden());
		mvc.perform(get("/domains").with(Users.officer(1L, squadA))).andExpect(status().isForbidden());
	}

	@Test
	void editingAnUnknownDomainAnswersNotFound() throws Exception {
		mvc.perform(get("/domains/{id}/edit", 999_999).with(Users.legalSection())).andExpect(status().isNotFound());
	}

	private long domainId(String name) {
		return jdbc.sql("select id from domain where name = ?").param(name).query(Long.class).single();
	}

	private int version(long id) {
		return jdbc.sql("select version from domain where id = ?").param(id).query(Integer.class).single();
	}

	private String page(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
			RequestPostProcessor user) throws Exception {
		return mvc.perform(request.with(user))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

}
