package cn.wucheng.cq.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGridCol;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.wucheng.cq.security.Role;
import cn.wucheng.cq.support.Bureau;
import cn.wucheng.cq.support.SecondReader;
import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.TestClock;
import cn.wucheng.cq.support.Users;
import cn.wucheng.cq.training.TrainingFixture;

/**
 * Every .xlsx and .docx the system hands out opens cleanly in Excel, WPS, LibreOffice and the Python readers (issue
 * 13, item 8): each is read by POI and by a second reader (openpyxl, python-docx — {@link SecondReader}), and what the
 * users complained of is checked in both: the 附件2 list's year and row heights, the ranking's numeric ranks and totals,
 * the report's styles part and table grids.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EveryExportOpensInASecondReaderTests {

	/** A decision number too long for its column: three lines of wrapped text. */
	static final String LONG_DECISION_NO = "婺综执简罚〔2024〕第000123号（补正后重新送达，原决定书号作废）";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	long unit;

	long session;

	@BeforeAll
	void data() {
		Bureau bureau = new Bureau(jdbc);
		unit = bureau.unit("读取中队", "直属中队");
		List<Long> officers = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			officers.add(bureau.officer("RD-" + i, "读者" + i, unit));
		}
		for (int i = 0; i < officers.size(); i++) {
			long lead = officers.get(i);
			long co = officers.get((i + 1) % officers.size());
			bureau.concludedCase("RD-C" + i, "普通程序", unit, lead, co, LocalDate.of(2024, 2, 10));
			bureau.caseIn("RD-S" + i, "简易程序", "市容环境卫生", unit, lead, co, LocalDate.of(2024, 6, 3),
					LocalDate.of(2024, 6, 3));
		}
		jdbc.sql("update case_file set decision_no = ? where case_no = 'RD-S0'").param(LONG_DECISION_NO).update();
		TrainingFixture training = new TrainingFixture(jdbc);
		long plan = training.plan(unit, 2024, "COORDINATED", "法律适用");
		session = training.session(plan, LocalDate.of(2024, 3, 10), "2.5", null);
		for (long officer : officers) {
			training.attend(session, officer, true, "90", null);
		}
	}

	@Test
	void theMonthlyListIsTitledWithItsYearAndItsRowsAreTallEnoughForTheirWrappedText() throws Exception {
		byte[] xlsx = export("/casework/squads/" + unit + "/lists/2024-06/xlsx", Users.legalSection());
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = wb.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("2024年6月读取中队简易案件审核清单");
			Row longRow = rowWith(sheet, LONG_DECISION_NO);
			float shortest = Math.min(sheet.getRow(2).getHeightInPoints(),
					Math.min(sheet.getRow(3).getHeightInPoints(), sheet.getRow(4).getHeightInPoints()));
			// three lines of 11 pt need about 45 pt; the default 15 pt made the text run over the next rows
			assertThat(longRow.getHeightInPoints()).isGreaterThanOrEqualTo(45);
			assertThat(longRow.getHeightInPoints()).isGreaterThan(shortest);
		}
		String read = SecondReader.read("review-list.xlsx", xlsx);
		assertThat(read).contains("cell 6月!A1 s 2024年6月读取中队简易案件审核清单", "cell 6月!A3 n 1.0 [General]");
		assertThat(heights(read, "6月")).anySatisfy(h -> assertThat(h).isGreaterThanOrEqualTo(45));
	}

	@Test
	void theRankingHasNumericRanksAndTotalsInBothReaders() throws Exception {
		byte[] xlsx = export("/rankings/export?period=2024-Q1", Users.legalSection());
		String sheetName;
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = wb.getSheetAt(0);
			sheetName = sheet.getSheetName();
			Row first = sheet.getRow(2);
			assertThat(first.getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(first.getCell(0).getNumericCellValue()).isEqualTo(1);
			assertThat(first.getCell(4).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(first.getCell(4).getCellStyle().getDataFormatString()).startsWith("0.00");
		}
		String read = SecondReader.read("ranking.xlsx", xlsx);
		assertThat(read).containsPattern(Pattern.quote("cell " + sheetName + "!A3 n 1.0 [0]"))
			.containsPattern(Pattern.quote("cell " + sheetName + "!E3 n ") + "[0-9.]+ \\[0\\.00+\\]");
	}

	@Test
	void theDraftedReportHasItsStylesAndTablesWithAFullGridThatPythonDocxReads() throws Exception {
		byte[] docx = export("/supervision/reports/annual?year=2024", Users.legalSection());
		int tables;
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
			assertThat(doc.getStyles()).isNotNull();
			assertThat(doc.getStyles().styleExist("Heading1")).isTrue();
			assertThat(doc.getStyles().styleExist("TableGrid")).isTrue();
			tables = doc.getTables().size();
			for (XWPFTable t : doc.getTables()) {
				List<CTTblGridCol> grid = t.getCTTbl().getTblGrid().getGridColList();
				assertThat(grid).as("grid of the table starting %s", t.getRow(0).getCell(0).getText())
					.hasSize(t.getRow(0).getTableCells().size());
				int sum = grid.stream().map(CTTblGridCol::getW).mapToInt(w -> ((BigInteger) w).intValue()).sum();
				assertThat(sum).isEqualTo(11906 - 1587 - 1474);
				XWPFTableCell first = t.getRow(0).getCell(0);
				assertThat(first.getWidth()).isEqualTo(((BigInteger) grid.get(0).getW()).intValue());
			}
		}
		String read = SecondReader.read("annual-report.docx", docx);
		assertThat(read).contains("tables=" + tables, "paragraph Heading 1: 一、积分与排名")
			.containsPattern("styles=.*Heading 1.*");
		Matcher task = Pattern.compile("table (\\d+) rows=(\\d+) cols=6 style=Table Grid widths=([0-9,]+)\\n"
				+ "table \\1 row 0: 序号\\|主要内容\\|重点措施\\|完成时限\\|状态\\|说明").matcher(read);
		assertThat(task.find()).as("the 18 tasks' table in:\n%s", read).isTrue();
		assertThat(Integer.parseInt(task.group(2))).isEqualTo(19);
		int[] widths = Arrays.stream(task.group(3).split(",")).mapToInt(Integer::parseInt).toArray();
		// 重点措施, the longest text, has the widest column; 序号 and 状态 are not squeezed below two characters
		assertThat(widths[2]).isEqualTo(Arrays.stream(widths).max().getAsInt());
		assertThat(widths[0]).isGreaterThanOrEqualTo(4 * 105 + 240);
		assertThat(widths[4]).isGreaterThanOrEqualTo(4 * 105 + 240);
	}

	@Test
	void everyOtherExportOpensInTheSecondReaderWithTheSheetsAndHeadersPoiReads() throws Exception {
		List<String[]> exports = new ArrayList<>(List.of(new String[] { "/audit/export.xlsx", "AUDIT" },
				new String[] { "/training/hours/export?year=2024", "LEGAL" },
				new String[] { "/training/sessions/" + session + "/template", "LEGAL" },
				new String[] { "/standards/export?period=2024-Q1", "LEGAL" },
				new String[] { "/supervision/assessment/officers?year=2024", "LEADER" },
				new String[] { "/supervision/assessment/units?year=2024", "LEADER" }));
		for (String kind : List.of("domains", "units", "people", "cases", "deductions", "awards")) {
			exports.add(new String[] { "/imports/templates/" + kind, "LEGAL" });
		}
		int n = 0;
		for (String[] e : exports) {
			RequestPostProcessor user = switch (e[1]) {
				case "AUDIT" -> Users.as(Role.AUDIT_ADMIN, null, null);
				case "LEADER" -> Users.leader();
				default -> Users.legalSection();
			};
			byte[] xlsx = export(e[0], user);
			String read = SecondReader.read("export-" + (n++) + ".xlsx", xlsx);
			try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
				assertThat(read).as(e[0]).contains("sheets=" + wb.getNumberOfSheets());
				Sheet sheet = wb.getSheetAt(0);
				Row top = sheet.getRow(sheet.getFirstRowNum());
				String a = top.getCell(top.getFirstCellNum()).getStringCellValue().replace("\n", "\\n");
				assertThat(read).as(e[0]).contains("sheet " + sheet.getSheetName() + " ", " s " + a + " [");
			}
		}
	}

	private byte[] export(String url, RequestPostProcessor user) throws Exception {
		return mvc.perform(get(url).with(user)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
	}

	private static Row rowWith(Sheet sheet, String text) {
		for (Row row : sheet) {
			for (var cell : row) {
				if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().contains(text)) {
					return row;
				}
			}
		}
		throw new AssertionError("no row with " + text);
	}

	private static List<Double> heights(String read, String sheet) {
		List<Double> list = new ArrayList<>();
		Matcher m = Pattern.compile("height " + Pattern.quote(sheet) + "!\\d+ ([0-9.]+)").matcher(read);
		while (m.find()) {
			list.add(Double.parseDouble(m.group(1)));
		}
		return list;
	}

}
