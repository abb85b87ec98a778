package cn.wucheng.cq.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.wucheng.cq.security.AccountPrincipal;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.security.Role;
import cn.wucheng.cq.support.Users;

/**
 * Issue 14 item 2 (IMPORT.md "Files as the platform and other systems export them"): a case list whose headers the
 * importer cannot match — 办案人员编码 for 主办人工号 and the like, below a title and an export-date line — opens the
 * mapping step; the mapping, saved under a name, imports exactly the records of the canonical file, is applied again
 * automatically to a file with the same headers, can be named in the API, edited and deleted, and every step is audited.
 */
class ColumnMappingTests extends ImportTestSupport {

	/** How the odd export names the canonical headers of examples/small/cases.csv (案件编号 stays: it is found). */
	static final Map<String, String> ODD = Map.of("案件类别", "程序类型", "执法领域", "所属领域", "办案单位", "承办部门", "立案日期",
			"受案日期", "主办人工号", "办案人员编码", "协办人工号", "协办人员编码", "办结日期", "办结时间", "决定书号", "文书编号", "案件来源",
			"线索来源", "视频编号", "执法记录仪编号");

	static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([0-9a-f]{32})\"");

	@BeforeEach
	void noSavedMappings() {
		jdbc.sql("delete from import_mapping").update();
	}

	@Test
	void anOddGb18030CsvOpensTheMappingStepAndSavedImportsExactlyTheRecordsOfTheCanonicalFile() throws Exception {
		importExampleThrough("people");
		MockHttpSession session = new MockHttpSession();
		String step = pageUpload(oddCsv(Charset.forName("GB18030")), "platform.csv", session, Users.legalSection());
		assertThat(step).contains("import-mapping-form").contains("办案人员编码").contains("WCZF-2024-00001")
			.contains("找不到或无法确定这些列：案件类别");
		assertThat(count("case_file")).isZero();

		String result = submit(token(step), "save", "省平台案件导出", session, Users.legalSection());
		assertThat(result).contains("已保存列对应关系“省平台案件导出”");
		assertThat(created(result)).isEqualTo(dataRows(example("cases")));
		theCanonicalFileFindsEveryCaseUnchanged();
		assertThat(audit("IMPORT_MAPPING_CREATE")).isEqualTo(1);
		assertThat(audit("IMPORT_MAPPING_APPLY")).isEqualTo(1);
	}

	@Test
	void anOddXlsxWithATitleImportsTheSameRecordsOnceWithoutSavingTheMapping() throws Exception {
		importExampleThrough("people");
		MockHttpSession session = new MockHttpSession();
		String step = pageUpload(ExportLikeFileImportTests.exportXlsx(oddRows()), "platform.xlsx", session,
				Users.legalSection());
		assertThat(step).contains("第 3 行为表头");
		String result = submit(token(step), "once", "", session, Users.legalSection());
		assertThat(result).contains("未保存");
		assertThat(created(result)).isEqualTo(dataRows(example("cases")));
		assertThat(count("import_mapping")).isZero();
		theCanonicalFileFindsEveryCaseUnchanged();
	}

	@Test
	void aFileWithTheSameHeadersGetsTheSavedMappingAppliedAutomaticallyAndTheResultNamesIt() throws Exception {
		importExampleThrough("people");
		MockHttpSession session = new MockHttpSession();
		submit(token(pageUpload(oddCsv(StandardCharsets.UTF_8), "a.csv", session, Users.legalSection())), "save",
				"省平台案件导出", session, Users.legalSection());
		// the same headers in another order, another encoding, as .xlsx: still the same header set
		String again = pageUpload(ExportLikeFileImportTests.exportXlsx(oddRows()), "b.xlsx", session,
				Users.legalSection());
		assertThat(again).doesNotContain("import-mapping-form").contains("按已保存的列对应关系“省平台案件导出”导入");
		assertThat(again).contains("id=\"import-unchanged\">" + dataRows(example("cases")) + "<");
		assertThat(audit("IMPORT_MAPPING_APPLY")).isEqualTo(2);
	}

	@Test
	void aBadValueUnderAMappedColumnIsReportedWithTheRowAndTheFilesOwnColumn() throws Exception {
		importExampleThrough("people");
		saveMapping();
		List<List<String>> rows = oddRows();
		rows.get(5).set(rows.get(2).indexOf("办结时间"), "2024-13-40"); // the file's row 6
		rows.get(6).set(rows.get(2).indexOf("办案人员编码"), "WC9999"); // row 7
		mvc.perform(multipart("/api/v1/imports/cases").file(file("odd.csv", ExportLikeFileImportTests.csv(rows,
				StandardCharsets.UTF_8))).param("mapping", "省平台案件导出").with(Users.legalSection()).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.mapping").value("省平台案件导出"))
			.andExpect(jsonPath("$.errors", hasSize(2)))
			.andExpect(jsonPath("$.errors[0].row").value(6))
			.andExpect(jsonPath("$.errors[0].column").value("办结时间"))
			.andExpect(jsonPath("$.errors[1].row").value(7))
			.andExpect(jsonPath("$.errors[1].column").value("办案人员编码"))
			.andExpect(jsonPath("$.errors[1].message").value("未知承办人：WC9999（工号、执法证号、姓名均对不上人员名单）"));
		assertThat(count("case_file")).isZero(); // all or nothing
	}

	@Test
	void theApiImportsWithANamedMappingAndListsTheSavedOnes() throws Exception {
		importExampleThrough("people");
		saveMapping();
		mvc.perform(get("/api/v1/import-mappings").with(Users.as(Role.INTEGRATION, null, null)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].name").value("省平台案件导出"))
			.andExpect(jsonPath("$[0].kind").value("cases"))
			.andExpect(jsonPath("$[0].columns.主办人工号").value("办案人员编码"));
		mvc.perform(multipart("/api/v1/imports/cases").file(file("odd.csv", oddCsv(StandardCharsets.UTF_8)))
			.param("mapping", "省平台案件导出")
			.with(Users.as(Role.INTEGRATION, null, null))
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(dataRows(example("cases"))))
			.andExpect(jsonPath("$.mapping").value("省平台案件导出"));
		theCanonicalFileFindsEveryCaseUnchanged();
	}

	@Test
	void anUnknownMappingNameOrOneOfAnotherListIsRefusedWith400AndNothingIsImported() throws Exception {
		importExampleThrough("people");
		saveMapping();
		mvc.perform(multipart("/api/v1/imports/cases").file(file("odd.csv", oddCsv(StandardCharsets.UTF_8)))
			.param("mapping", "不存在的").with(Users.legalSection()).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("未知的列对应关系：不存在的（案件名单已保存的：省平台案件导出）"));
		mvc.perform(multipart("/api/v1/imports/people").file(file("people.csv", example("people")))
			.param("mapping", "省平台案件导出").with(Users.legalSection()).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("列对应关系“省平台案件导出”用于案件名单，不能用于人员名单"));
		assertThat(count("case_file")).isZero();
	}

	@Test
	void anotherUsersTokenOrAnotherSessionIsRefusedAndTheFileStaysWithItsOwner() throws Exception {
		importExampleThrough("people");
		MockHttpSession owners = new MockHttpSession();
		String token = token(pageUpload(oddCsv(StandardCharsets.UTF_8), "a.csv", owners, Users.legalSection()));
		String stranger = submit(token, "save", "偷用", new MockHttpSession(), otherLegalUser());
		assertThat(stranger).contains("已过期或不是本次登录上传的").doesNotContain("import-created");
		String otherSession = submit(token, "once", "", new MockHttpSession(), Users.legalSection());
		assertThat(otherSession).contains("已过期或不是本次登录上传的");
		assertThat(count("case_file")).isZero();
		assertThat(count("import_mapping")).isZero();
		// the owner in the session that uploaded it still may
		assertThat(created(submit(token, "once", "", owners, Users.legalSection()))).isEqualTo(dataRows(example("cases")));
		// and only once: the token is used up
		assertThat(submit(token, "once", "", owners, Users.legalSection())).contains("已过期或不是本次登录上传的");
	}

	@Test
	void withoutScriptTheStepAnswersTheWholePageAndAnUnknownTokenIs404() throws Exception {
		String page = mvc.perform(post("/imports/mapping").param("token", "0123456789abcdef0123456789abcdef")
			.param("action", "once")
			.session(new MockHttpSession())
			.with(Users.legalSection())
			.with(csrf()))
			.andExpect(status().isNotFound())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("<html").contains("import-form").contains("已过期或不是本次登录上传的");
	}

	@Test
	void aMappingLeavingARequiredColumnOutIsRefusedAndTheStepShownAgainWithTheChoicesKept() throws Exception {
		importExampleThrough("people");
		MockHttpSession session = new MockHttpSession();
		String token = token(pageUpload(oddCsv(StandardCharsets.UTF_8), "a.csv", session, Users.legalSection()));
		Map<String, String> partial = new LinkedHashMap<>(ODD);
		partial.remove("主办人工号");
		String again = html(mvc.perform(form(token, "save", "不完整", partial, session, Users.legalSection())));
		assertThat(again).contains("请为必填列选择文件中的列：主办人工号").contains("import-mapping-form")
			.contains("value=\"不完整\"");
		assertThat(count("import_mapping")).isZero();
		assertThat(count("case_file")).isZero();
	}

	@Test
	void aSavedMappingIsRenamedChangedAndDeletedEachAudited() throws Exception {
		importExampleThrough("people");
		saveMapping();
		long id = jdbc.sql("select id from import_mapping").query(Long.class).single();
		assertThat(html(mvc.perform(get("/imports/mappings").with(Users.legalSection())))).contains("省平台案件导出")
			.contains("主办人工号 ← 办案人员编码");
		assertThat(html(mvc.perform(get("/imports/mappings/" + id).with(Users.legalSection()))))
			.contains("value=\"省平台案件导出\"")
			.contains("<option value=\"办案人员编码\" selected=\"selected\">办案人员编码</option>");
		Map<String, String> swapped = new LinkedHashMap<>(ODD);
		swapped.put("主办人工号", "协办人员编码");
		swapped.put("协办人工号", "办案人员编码");
		MockHttpServletRequestBuilder update = post("/imports/mappings/" + id).param("name", "省平台导出（新）");
		swapped.forEach((column, header) -> update.param("columns[" + column + "]", header));
		mvc.perform(update.with(Users.legalSection()).with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("select name from import_mapping").query(String.class).single()).isEqualTo("省平台导出（新）");
		assertThat(jdbc.sql("select columns from import_mapping").query(String.class).single())
			.contains("\"主办人工号\":\"协办人员编码\"");
		assertThat(jdbc.sql("select after_data from audit_log where action = 'IMPORT_MAPPING_UPDATE'")
			.query(String.class)
			.single()).contains("主办人工号=协办人员编码");

		mvc.perform(post("/imports/mappings/" + id + "/delete").with(Users.legalSection()).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(count("import_mapping")).isZero();
		assertThat(audit("IMPORT_MAPPING_DELETE")).isEqualTo(1);
		// deleted: the next file with those headers opens the mapping step again
		assertThat(pageUpload(oddCsv(StandardCharsets.UTF_8), "a.csv", new MockHttpSession(), Users.legalSection()))
			.contains("import-mapping-form");
	}

	@Test
	void aFileWhoseHeadersAreFoundImportsAsBeforeWithoutAMappingStep() throws Exception {
		importExampleThrough("people");
		String result = pageUpload(example("cases"), "cases.csv", new MockHttpSession(), Users.legalSection());
		assertThat(result).doesNotContain("import-mapping-form").doesNotContain("import-mapping-used");
		assertThat(created(result)).isEqualTo(dataRows(example("cases")));
	}

	// --- fixtures in the bureau's words

	private void saveMapping() throws Exception {
		MockHttpSession session = new MockHttpSession();
		String token = token(pageUpload(oddCsv(StandardCharsets.UTF_8), "a.csv", session, Users.legalSection()));
		// saved as 法制科 saves it, with an import; the cases are removed again so that each test starts without
		submit(token, "save", "省平台案件导出", session, Users.legalSection());
		jdbc.sql("delete from case_import_flag").update();
		jdbc.sql("delete from case_file").update();
	}

	/** examples/small/cases.csv as the odd export: title, export date, the headers renamed. */
	static List<List<String>> oddRows() {
		List<List<String>> canonical = csvRows(example("cases"), StandardCharsets.UTF_8);
		List<List<String>> rows = new ArrayList<>();
		rows.add(new ArrayList<>(List.of(ExportLikeFileImportTests.TITLE)));
		rows.add(new ArrayList<>(List.of(ExportLikeFileImportTests.EXPORTED)));
		for (int r = 0; r < canonical.size(); r++) {
			List<String> row = new ArrayList<>();
			for (String cell : canonical.get(r)) {
				row.add(r == 0 ? ODD.getOrDefault(cell, cell) : cell);
			}
			rows.add(row);
		}
		return rows;
	}

	static byte[] oddCsv(Charset charset) {
		return ExportLikeFileImportTests.csv(oddRows(), charset);
	}

	private String pageUpload(byte[] content, String name, MockHttpSession session, RequestPostProcessor user)
			throws Exception {
		return html(mvc.perform(multipart("/imports").file(file(name, content))
			.param("kind", "cases")
			.header("X-Requested-With", "XMLHttpRequest")
			.session(session)
			.with(user)
			.with(csrf())));
	}

	private String submit(String token, String action, String name, MockHttpSession session, RequestPostProcessor user)
			throws Exception {
		return html(mvc.perform(form(token, action, name, ODD, session, user)));
	}

	private static MockHttpServletRequestBuilder form(String token, String action, String name,
			Map<String, String> columns, MockHttpSession session, RequestPostProcessor user) {
		MockHttpServletRequestBuilder form = post("/imports/mapping").param("token", token)
			.param("action", action)
			.param("name", name)
			.param("columns[案件编号]", "案件编号")
			.header("HX-Request", "true")
			.session(session)
			.with(user)
			.with(csrf());
		columns.forEach((column, header) -> form.param("columns[" + column + "]", header));
		return form;
	}

	private static String html(org.springframework.test.web.servlet.ResultActions actions) throws Exception {
		return actions.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private static String token(String step) {
		Matcher m = TOKEN.matcher(step);
		assertThat(m.find()).as("a token in the mapping step").isTrue();
		return m.group(1);
	}

	private static int created(String html) {
		Matcher m = Pattern.compile("id=\"import-created\">(\\d+)<").matcher(html);
		assertThat(m.find()).as("counts in " + html).isTrue();
		return Integer.parseInt(m.group(1));
	}

	private static MockMultipartFile file(String name, byte[] content) {
		return new MockMultipartFile("file", name, "application/octet-stream", content);
	}

	private void theCanonicalFileFindsEveryCaseUnchanged() {
		ImportResult canonical = imports.importFile(ImportKind.CASES, "cases.csv",
				new java.io.ByteArrayInputStream(example("cases")));
		assertThat(canonical.errors()).isEmpty();
		assertThat(List.of(canonical.created(), canonical.updated(), canonical.unchanged()))
			.containsExactly(0, 0, dataRows(example("cases")));
	}

	private int count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
	}

	private int audit(String action) {
		return jdbc.sql("select count(*) from audit_log where action = ?").param(action).query(Integer.class).single();
	}

	/** A second account of 法制科. */
	private static RequestPostProcessor otherLegalUser() {
		CurrentUser user = new CurrentUser(977L, "legal2", "法制科乙", Role.LEGAL, null, null);
		AccountPrincipal principal = AccountPrincipal.active(user);
		return authentication(
				UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
	}

}
