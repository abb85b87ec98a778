package cn.wucheng.cq.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.wucheng.cq.audit.AuditLog;
import cn.wucheng.cq.security.Role;
import cn.wucheng.cq.support.Bureau;
import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.TestClock;
import cn.wucheng.cq.support.Users;
import cn.wucheng.cq.training.TrainingFixture;

/**
 * Every .xlsx the system hands out, filled with text users typed that starts like a formula (= + - @, tab, carriage
 * return — people's names, a unit's name, decision and video numbers, audit entries): no cell is a formula, and each
 * such text cell is a string with the quote prefix, so Excel and WPS show it as typed and never evaluate it, even
 * after the cell is edited. Numbers stay numbers. There are no CSV exports (CSV is only read, by the imports).
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EveryExportNeutralisesFormulasTests {

	/** One per character a spreadsheet starts a formula with. */
	static final List<String> EVIL = List.of("=cmd|' /C calc'!A0", "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0",
			"@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+1", "\r=1+1");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditLog audit;

	@Autowired
	PlatformTransactionManager transactions;

	long unit;

	long session;

	@BeforeAll
	void data() {
		Bureau bureau = new Bureau(jdbc);
		unit = bureau.unit("=FX出口中队", "直属中队");
		List<Long> officers = new ArrayList<>();
		for (int i = 0; i < EVIL.size(); i++) {
			officers.add(bureau.officer("FX-" + i, EVIL.get(i), unit));
		}
		for (int i = 0; i < EVIL.size(); i++) {
			long lead = officers.get(i);
			long co = officers.get((i + 1) % officers.size());
			bureau.concludedCase("FX-C" + i, "普通程序", unit, lead, co, LocalDate.of(2024, 2, 10));
			bureau.caseIn("FX-S" + i, "简易程序", "市容环境卫生", unit, lead, co, LocalDate.of(2024, 6, 3),
					LocalDate.of(2024, 6, 3));
			jdbc.sql("update case_file set decision_no = ?, video_no = ? where case_no = ?")
				.params(EVIL.get(i), EVIL.get(i), "FX-S" + i)
				.update();
		}
		TrainingFixture training = new TrainingFixture(jdbc);
		long plan = training.plan(unit, 2024, "COORDINATED", "-法律适用");
		session = training.session(plan, LocalDate.of(2024, 3, 10), "2.5", null);
		for (long officer : officers) {
			training.attend(session, officer, true, "90", null);
		}
		new TransactionTemplate(transactions).executeWithoutResult(tx -> {
			for (String text : EVIL) {
				audit.recordAs(text, "LOGIN_FAILURE", "ACCOUNT", text, text);
			}
		});
	}

	@Test
	void theAuditLogExportQuotesUserNamesKeysAndDetails() throws Exception {
		assertNeutralised(export("/audit/export.xlsx", Users.as(Role.AUDIT_ADMIN, null, null)), EVIL);
	}

	@Test
	void theTrainingHoursExportQuotesNames() throws Exception {
		assertNeutralised(export("/training/hours/export?year=2024", Users.legalSection()), EVIL);
	}

	@Test
	void theAttendanceTemplateQuotesNames() throws Exception {
		assertNeutralised(export("/training/sessions/" + session + "/template", Users.legalSection()), EVIL);
	}

	@Test
	void theStandardsExportQuotesNames() throws Exception {
		assertNeutralised(export("/standards/export?period=2024-Q1", Users.legalSection()), EVIL);
	}

	@Test
	void theRankingExportQuotesNamesAndKeepsTotalsPlain() throws Exception {
		byte[] xlsx = export("/rankings/export?period=2024-Q1", Users.legalSection());
		assertNeutralised(xlsx, EVIL);
	}

	@Test
	void theAssessmentExportsQuoteNamesAndUnitsAndKeepRanksNumeric() throws Exception {
		byte[] officers = export("/supervision/assessment/officers?year=2024", Users.leader());
		assertNeutralised(officers, EVIL);
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(officers))) {
			for (Row row : wb.getSheetAt(0)) {
				Cell no = row.getCell(0);
				if (no != null && no.getCellType() == CellType.STRING && no.getStringCellValue().startsWith("FX-")) {
					assertThat(row.getCell(9).getCellType()).as("rank of %s", no).isEqualTo(CellType.NUMERIC);
				}
			}
		}
		assertNeutralised(export("/supervision/assessment/units?year=2024", Users.leader()), List.of("=FX出口中队"));
	}

	@Test
	void theMonthlyReviewListQuotesDecisionAndVideoNumbers() throws Exception {
		assertNeutralised(export("/casework/squads/" + unit + "/lists/2024-06/xlsx", Users.legalSection()), EVIL);
	}

	@Test
	void theChosenCasesExportQuotesDecisionNumbersNamesAndUnits() throws Exception {
		// issue 13 item 7, 导出所选: the ticked cases of the case list
		var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/cases/export")
			.with(Users.legalSection())
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf());
		jdbc.sql("select id from case_file where case_no like 'FX-S%'")
			.query(Long.class)
			.list()
			.forEach(id -> request.param("ids", id.toString()));
		byte[] xlsx = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		assertNeutralised(xlsx, EVIL);
	}

	@Test
	void theImportTemplatesCarryNoUserTextAndNoFormula() throws Exception {
		// headers and hints are the application's own text: nothing a user typed can reach them
		for (String kind : List.of("domains", "units", "people", "cases", "deductions", "awards")) {
			assertNeutralised(export("/imports/templates/" + kind, Users.legalSection()), List.of());
		}
	}

	private byte[] export(String url, RequestPostProcessor user) throws Exception {
		return mvc.perform(get(url).with(user))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
	}

	/**
	 * No formula cell anywhere; every text cell a spreadsheet could evaluate carries the quote prefix; and each of
	 * {@code expected} is in the workbook, as typed (else the data never reached it and the test proves nothing).
	 */
	private static void assertNeutralised(byte[] xlsx, List<String> expected) throws Exception {
		Set<String> texts = new HashSet<>();
		List<String> unquoted = new ArrayList<>();
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			for (Sheet sheet : wb) {
				for (Row row : sheet) {
					for (Cell cell : row) {
						assertThat(cell.getCellType()).as(sheet.getSheetName() + "!" + cell.getAddress())
							.isNotEqualTo(CellType.FORMULA);
						if (cell.getCellType() == CellType.STRING) {
							String text = cell.getStringCellValue();
							texts.add(text);
							if (formulaLike(text) && !cell.getCellStyle().getQuotePrefixed()) {
								unquoted.add(sheet.getSheetName() + "!" + cell.getAddress() + " " + text);
							}
						}
					}
				}
			}
		}
		assertThat(unquoted).isEmpty();
		assertThat(texts).containsAll(expected);
	}

	/** Independent of the production check on purpose; a plain number written as text ("-3.00") is no formula. */
	private static boolean formulaLike(String text) {
		return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !text.matches("[+-]?\\d+(\\.\\d+)?");
	}

}
