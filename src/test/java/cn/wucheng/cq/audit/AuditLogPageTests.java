package cn.wucheng.cq.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

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
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.wucheng.cq.security.Role;
import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.TestClock;
import cn.wucheng.cq.support.Users;

/** 审计日志: the audit administrator (only) searches it by user, action, entity and dates, pages through it and exports it. */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditLogPageTests {

	/** Entities only this class writes, so other tests' entries sharing the database do not disturb the counts. */
	static final String CASES = "test_case_file";

	static final String UNITS = "test_unit";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@BeforeAll
	void someHistory() {
		entry(LocalDateTime.of(2024, 3, 1, 9, 0), "zhang", "CASE_IMPORTED", CASES, "C-1", "导入案件", null, "案号=C-1");
		entry(LocalDateTime.of(2024, 3, 2, 10, 0), "zhang", "CASE_UPDATED", CASES, "C-1", "修改案件", "主办人=甲", "主办人=乙");
		entry(LocalDateTime.of(2024, 3, 3, 11, 0), "wang", "CASE_UPDATED", CASES, "C-2", "修改案件", "主办人=丙", "主办人=丁");
		entry(LocalDateTime.of(2024, 4, 1, 8, 30), "wang", "UNIT_CREATED", UNITS, "U-1", "新建单位", null, "名称=一中队");
		for (int i = 0; i < 60; i++) {
			entry(LocalDateTime.of(2023, 1, 1, 0, 0).plusHours(i), "bulk", "UNIT_UPDATED", UNITS, "U-bulk-" + i, "批量",
					null, null);
		}
	}

	@Test
	void onlyTheAuditAdministratorReadsItTheSystemAdministratorAndTheLegalSectionNoLonger() throws Exception {
		mvc.perform(get("/audit").with(auditAdmin())).andExpect(status().isOk());
		mvc.perform(get("/audit/export.xlsx").with(auditAdmin())).andExpect(status().isOk());
		List<RequestPostProcessor> others = List.of(Users.admin(), Users.as(Role.SECURITY_ADMIN, null, null),
				Users.legalSection(), Users.supervision(), Users.leader(), Users.squadLeaderOf(1L),
				Users.legalOfficerOf(1L), Users.officer(1L, 1L));
		for (RequestPostProcessor user : others) {
			mvc.perform(get("/audit").with(user)).andExpect(status().isForbidden());
			mvc.perform(get("/audit/export.xlsx").with(user)).andExpect(status().isForbidden());
		}
	}

	@Test
	void searchingByEntityAndUserShowsOnlyTheirEntriesWithBeforeAndAfter() throws Exception {
		String html = page("/audit?entity=" + CASES + "&username=zhang");

		assertThat(html).contains("C-1", "修改案件", "主办人=甲", "主办人=乙", "CASE_IMPORTED").doesNotContain("C-2");
	}

	@Test
	void searchingByActionAndDateRangeIncludesTheWholeLastDay() throws Exception {
		String html = page("/audit?entity=" + CASES + "&action=CASE_UPDATED&from=2024-03-03&to=2024-03-03");

		assertThat(html).contains("C-2", "主办人=丁").doesNotContain("C-1");
	}

	@Test
	void anInvertedDateRangeSaysSoInChinese() throws Exception {
		assertThat(page("/audit?from=2024-03-03&to=2024-03-01")).contains("开始日期不能晚于结束日期。");
	}

	@Test
	void knownActionsShowTheirChineseLabel() throws Exception {
		jdbc.sql("""
				insert into audit_log (occurred_at, username, action, entity, entity_key, detail)
				values (?, 'admin', 'ACCOUNT_DISABLED', 'app_user', 'label-test', null)""")
			.param(LocalDateTime.of(2022, 5, 5, 5, 5))
			.update();

		assertThat(page("/audit?username=admin&action=ACCOUNT_DISABLED&to=2022-12-31")).contains("停用账号", "label-test");
	}

	@Test
	void theListIsPagedByFifty() throws Exception {
		String first = page("/audit?username=bulk");
		String second = page("/audit?username=bulk&page=1");

		assertThat(first).contains("第 1 / 2 页，共 60 条", "U-bulk-59", "U-bulk-10").doesNotContain("U-bulk-9<");
		assertThat(second).contains("第 2 / 2 页，共 60 条", "U-bulk-9<", "U-bulk-0<").doesNotContain("U-bulk-10<");
	}

	@Test
	void theExportIsAnExcelFileOfTheSameSearch() throws Exception {
		byte[] xlsx = mvc.perform(get("/audit/export.xlsx").param("entity", CASES).with(auditAdmin()))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString(".xlsx")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();

		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheetAt(0);
			List<List<String>> rows = new ArrayList<>();
			for (Row row : sheet) {
				List<String> cells = new ArrayList<>();
				row.forEach(c -> cells.add(c.getStringCellValue()));
				rows.add(cells);
			}
			assertThat(rows.get(0)).containsExactly("时间", "用户", "操作", "对象", "对象标识", "说明", "修改前", "修改后");
			assertThat(rows).hasSize(4);
			assertThat(rows.get(1)).containsExactly("2024-03-03 11:00:00", "wang", "CASE_UPDATED", CASES, "C-2", "修改案件",
					"主办人=丙", "主办人=丁");
		}
	}

	private String page(String url) throws Exception {
		return mvc.perform(get(url).with(auditAdmin()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	static RequestPostProcessor auditAdmin() {
		return Users.as(Role.AUDIT_ADMIN, null, null);
	}

	private void entry(LocalDateTime at, String user, String action, String entity, String key, String detail,
			String before, String after) {
		jdbc.sql("""
				insert into audit_log (occurred_at, username, action, entity, entity_key, detail, before_data, after_data)
				values (?, ?, ?, ?, ?, ?, ?, ?)""").params(at, user, action, entity, key, detail, before, after).update();
	}

}
