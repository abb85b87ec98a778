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
import org.springframework.util.LinkedMultiValueMap;

import cn.wucheng.cq.support.Bureau;
import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.Users;

/**
 * 执法证号 on the people pages (issue 14 item 3): the list shows it and finds a person by it, the person page shows it,
 * and 法制科 sets it on the form — trimmed as the people import trims a cell, at most 30 characters, one person's only
 * (refused naming the holder's 工号 and name), audited with the other person fields.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersonCertificatePagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	long north;

	long south;

	long holder;

	long southOfficer;

	@BeforeAll
	void bureau() {
		Bureau bureau = new Bureau(jdbc);
		north = bureau.unit("PC城北中队", "一类中队");
		south = bureau.unit("PC城南中队", "二类中队");
		holder = bureau.officer("PC001", "证甲", north);
		bureau.officer("PC002", "证乙", north);
		southOfficer = bureau.officer("PC003", "证丙", south);
		certify(holder, "PCZF-0001");
		certify(southOfficer, "PCZF-0003");
	}

	@Test
	void theListShowsTheCertificateNumberAndFindsAPersonByIt() throws Exception {
		String html = page(get("/people").param("q", "pczf-0001"), Users.legalSection());
		assertThat(keys(html, "data-person")).containsExactly("PC001");
		assertThat(cell(row(html, "data-person", "PC001"), "certificate")).isEqualTo("PCZF-0001");
		assertThat(html).contains("<th>执法证号</th>");
		assertThat(keys(page(get("/people").param("q", "PCZF-000"), Users.legalSection()), "data-person"))
			.as("part of a number finds everyone whose number contains it").containsExactly("PC001", "PC003");
		assertThat(keys(page(get("/people").param("q", "PCZF-0001").header("HX-Request", "true"),
				Users.legalSection()), "data-person")).as("the htmx table too").containsExactly("PC001");
	}

	@Test
	void aSquadLeaderFindsNobodyOutsideHisSquadByCertificateNumber() throws Exception {
		assertThat(keys(page(get("/people").param("q", "PCZF-0003"), Users.squadLeaderOf(north)), "data-person"))
			.isEmpty();
		assertThat(keys(page(get("/people").param("q", "PCZF-0001"), Users.squadLeaderOf(north)), "data-person"))
			.containsExactly("PC001");
	}

	@Test
	void thePersonPageShowsTheCertificateNumber() throws Exception {
		assertThat(page(get("/people/{id}", holder), Users.squadLeaderOf(north)))
			.containsPattern("id=\"person-certificate\">PCZF-0001<");
	}

	@Test
	void theFormSavesTheCertificateNumberWithoutSurroundingSpacesAndTheAuditRecordsIt() throws Exception {
		mvc.perform(post("/people/new").with(Users.legalSection()).with(csrf())
			.params(form(Map.of("employeeNo", "PC100", "name", "证新", "certificateNo", "\u3000PCZF-0100 \u00A0"))))
			.andExpect(redirectedUrlPattern("/people/*"));
		assertThat(certificateOf("PC100")).isEqualTo("PCZF-0100");
		assertThat(jdbc.sql("select after_data from audit_log where action = 'PERSON_CREATED' and entity_key = 'PC100'")
			.query(String.class)
			.single()).contains("执法证号=PCZF-0100");
		long id = idOf("PC100");
		assertThat(page(get("/people/{id}/edit", id), Users.legalSection())).contains("value=\"PCZF-0100\"");
	}

	@Test
	void changingTheCertificateNumberIsAuditedWithBeforeAndAfterAndABlankOneClearsIt() throws Exception {
		long id = new Bureau(jdbc).officer("PC200", "证改", north);
		edit(id, "PCZF-0200").andExpect(redirectedUrlPattern("/people/*"));
		assertThat(certificateOf("PC200")).isEqualTo("PCZF-0200");
		var change = jdbc.sql("""
				select before_data || '|' || after_data from audit_log
				where action = 'PERSON_CHANGED' and entity_key = 'PC200' order by id desc""")
			.query(String.class)
			.list()
			.get(0);
		assertThat(change).contains("执法证号=\n").contains("执法证号=PCZF-0200");
		edit(id, "  ").andExpect(redirectedUrlPattern("/people/*"));
		assertThat(certificateOf("PC200")).isNull();
	}

	@Test
	void aCertificateNumberAnotherPersonHoldsIsRefusedNamingHim() throws Exception {
		String html = page(post("/people/new").params(form(Map.of("employeeNo", "PC101", "name", "证重",
				"certificateNo", " PCZF-0001"))).with(csrf()), Users.legalSection());
		assertThat(html).contains("执法证号“PCZF-0001”已属于工号 PC001（证甲），一个执法证号只属于一人");
		assertThat(jdbc.sql("select count(*) from person where employee_no = 'PC101'").query(Long.class).single())
			.isZero();
		long other = idOf("PC002");
		String edit = page(post("/people/{id}/edit", other).params(form(Map.of("name", "证乙", "certificateNo",
				"PCZF-0001", "version", String.valueOf(version(other))))).with(csrf()), Users.legalSection());
		assertThat(edit).contains("执法证号“PCZF-0001”已属于工号 PC001（证甲）");
		assertThat(certificateOf("PC002")).isNull();
		assertThat(certificateOf("PC001")).isEqualTo("PCZF-0001");
	}

	@Test
	void aPersonKeepsHisOwnCertificateNumberWhenHisOtherFieldsChange() throws Exception {
		long id = new Bureau(jdbc).officer("PC300", "证留", north);
		certify(id, "PCZF-0300");
		edit(id, "PCZF-0300").andExpect(redirectedUrlPattern("/people/*"));
		assertThat(certificateOf("PC300")).isEqualTo("PCZF-0300");
	}

	@Test
	void aCertificateNumberLongerThanTheImportAcceptsIsRefused() throws Exception {
		String tooLong = "Z".repeat(CertificateNo.MAX_LENGTH + 1);
		String html = page(post("/people/new").params(form(Map.of("employeeNo", "PC102", "certificateNo", tooLong)))
			.with(csrf()), Users.legalSection());
		assertThat(html).contains("执法证号最多 30 个字符");
		assertThat(jdbc.sql("select count(*) from person where employee_no = 'PC102'").query(Long.class).single())
			.isZero();
	}

	private org.springframework.test.web.servlet.ResultActions edit(long id, String certificateNo) throws Exception {
		String name = jdbc.sql("select name from person where id = ?").param(id).query(String.class).single();
		return mvc.perform(post("/people/{id}/edit", id).with(Users.legalSection()).with(csrf())
			.params(form(Map.of("name", name, "certificateNo", certificateNo, "version",
					String.valueOf(version(id))))));
	}

	/** A valid form in 城北中队; entries override fields. */
	private LinkedMultiValueMap<String, String> form(Map<String, String> values) {
		var map = new LinkedMultiValueMap<String, String>();
		map.set("employeeNo", "PC999");
		map.set("name", "张三");
		map.set("sex", "MALE");
		map.set("birthDate", "1985-03-05");
		map.set("category", "FORMAL");
		map.set("post", "MEMBER");
		map.set("unitId", String.valueOf(north));
		map.set("phone", "");
		values.forEach(map::set);
		return map;
	}

	private void certify(long personId, String certificateNo) {
		jdbc.sql("update person set certificate_no = ? where id = ?").params(certificateNo, personId).update();
	}

	private String certificateOf(String employeeNo) {
		return jdbc.sql("select certificate_no from person where employee_no = ?")
			.param(employeeNo)
			.query((rs, n) -> rs.getString(1))
			.list()
			.get(0); // null when he holds none
	}

	private long idOf(String employeeNo) {
		return jdbc.sql("select id from person where employee_no = ?").param(employeeNo).query(Long.class).single();
	}

	private int version(long id) {
		return jdbc.sql("select version from person where id = ?").param(id).query(Integer.class).single();
	}

	private String page(MockHttpServletRequestBuilder request, RequestPostProcessor user) throws Exception {
		return mvc.perform(request.with(user))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

}
