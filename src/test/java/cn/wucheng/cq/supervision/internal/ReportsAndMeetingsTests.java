package cn.wucheng.cq.supervision.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import cn.wucheng.cq.scoring.PersonScore;
import cn.wucheng.cq.scoring.Ranking;
import cn.wucheng.cq.scoring.ScoreLedger;
import cn.wucheng.cq.scoring.ScoreScope;
import cn.wucheng.cq.scoring.standards.CaseStandards;
import cn.wucheng.cq.scoring.standards.OfficerStandard;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.security.Role;
import cn.wucheng.cq.shared.Period;
import cn.wucheng.cq.shared.Points;
import cn.wucheng.cq.support.Bureau;
import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.TestClock;
import cn.wucheng.cq.support.Users;
import cn.wucheng.cq.training.TrainingFixture;

/**
 * through the pages: the monthly review meeting (late after the 25th, photos), the mid-term report
 * drafted as .docx with the ledger's figures, and the assessment exports (.xlsx) per officer and per unit, checked
 * cell by cell against the scoring and standards APIs. Units 报告* are unique to this class; today is 20 July 2024.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(properties = { SupervisionContext.NAME, SupervisionContext.FILES, SupervisionContext.LIMIT })
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsAndMeetingsTests {

	static final String EVIL = "=HYPERLINK(\"http://x\",\"点我\")";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	ScoreLedger ledger;

	@Autowired
	CaseStandards standards;

	long class1;

	long a;

	@BeforeAll
	void data() {
		Bureau bureau = new Bureau(jdbc);
		class1 = bureau.unit("报告一类中队", "一类中队");
		long direct = bureau.unit("报告直属中队", "直属中队");
		a = bureau.officer("RP-A", "报告甲", class1);
		long b = bureau.officer("RP-B", "报告乙", class1);
		long c = bureau.officer("RP-C", "报告丙", class1);
		bureau.officer("RP-E", EVIL, class1);
		bureau.concludedCase("RP-1", "普通程序", class1, a, b, LocalDate.of(2024, 2, 10));
		bureau.concludedCase("RP-2", "简易程序", class1, a, c, LocalDate.of(2024, 5, 10));
		TrainingFixture training = new TrainingFixture(jdbc);
		long plan = training.plan(direct, 2024, "COORDINATED", "法律适用");
		long session = training.session(plan, LocalDate.of(2024, 3, 15), "2.5", LocalDate.of(2024, 2, 20));
		training.attend(session, a, true, "90", null);
	}

	@Test
	void r72_aMeetingAfterThe25thIsFlaggedLateAndOneBeforeIsNot() throws Exception {
		clock.setToday(LocalDate.of(2024, 3, 28));
		mvc.perform(post("/supervision/meetings").with(Users.legalSection()).with(csrf()).param("heldOn", "2024-03-26")
			.param("attendees", "法制科、督查科、各中队负责人").param("minutes", "研判共性问题\n部署下月工作"))
			.andExpect(flash().attribute("flashSuccess", "已记录 2024-03-26 的研判会商；晚于当月截止日期 2024-03-25，已标记为逾期。"));
		mvc.perform(post("/supervision/meetings").with(Users.supervision()).with(csrf()).param("heldOn", "2024-03-29")
			.param("attendees", "督查科").param("minutes", "未来的会"))
			.andExpect(flash().attribute("flashError", "会议日期 2024-03-29 晚于今天，只能记录已召开的会议。"));
		mvc.perform(post("/supervision/meetings").with(Users.supervision()).with(csrf()).param("heldOn", "2024-03-20")
			.param("attendees", " ").param("minutes", "x"))
			.andExpect(flash().attribute("flashError", "请填写参会人员。"));
		clock.setToday(LocalDate.of(2024, 4, 12));
		mvc.perform(post("/supervision/meetings").with(Users.supervision()).with(csrf()).param("heldOn", "2024-04-10")
			.param("attendees", "法制科").param("minutes", "四月研判"))
			.andExpect(flash().attribute("flashSuccess", "已记录 2024-04-10 的研判会商。"));

		String page = html(mvc.perform(get("/supervision/meetings").param("year", "2024").with(Users.leader())).andReturn());
		assertThat(page).contains("逾期召开", "2024-03-26", "2024-04-10", "逾期未召开").doesNotContain("??");
		long march = jdbc.sql("select id from supervision_meeting where held_on = ?").param(LocalDate.of(2024, 3, 26))
			.query(Long.class).single();
		String meeting = html(mvc.perform(get("/supervision/meetings/" + march).with(Users.leader())).andReturn());
		assertThat(meeting).contains("id=\"meeting-late\"", "研判共性问题", "部署下月工作");
		mvc.perform(get("/supervision/meetings").with(Users.squadLeaderOf(class1))).andExpect(status().isForbidden());
		mvc.perform(post("/supervision/meetings").with(Users.leader()).with(csrf()).param("heldOn", "2024-04-01"))
			.andExpect(status().isForbidden());

		// photos: a PNG yes, a PDF no (会议照片)
		mvc.perform(multipart("/supervision/meetings/" + march + "/photos")
			.file(new MockMultipartFile("file", "会场.png", "image/png", EvidenceUploadTests.png(500)))
			.with(Users.legalSection()).with(csrf()))
			.andExpect(flash().attribute("flashSuccess", "已上传“会场.png”。"));
		mvc.perform(multipart("/supervision/meetings/" + march + "/photos")
			.file(new MockMultipartFile("file", "纪要.pdf", "application/pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII)))
			.with(Users.legalSection()).with(csrf()))
			.andExpect(flash().attribute("flashError", "会议照片须为 JPEG 或 PNG 图片，“纪要.pdf”是PDF 文档。"));
		assertThat(html(mvc.perform(get("/supervision/meetings/" + march).with(Users.supervision())).andReturn()))
			.contains("会场.png");
	}

	@Test
	void r72_theMidTermReportIsADocxWithTheLedgersFiguresInChineseFontsOnA4() throws Exception {
		clock.setToday(LocalDate.of(2024, 7, 20));
		MvcResult r = mvc.perform(get("/supervision/reports/mid-term").param("year", "2024").with(Users.legalSection()))
			.andExpect(status().isOk())
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andReturn();
		assertThat(r.getResponse().getHeader("Content-Disposition")).startsWith("attachment;");
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(r.getResponse().getContentAsByteArray()))) {
			String text = String.join("\n", doc.getParagraphs().stream().map(XWPFParagraph::getText).toList());
			assertThat(text).contains("执法办案提质增效中期评估报告", "统计期间：2024-01-01 至 2024-06-30",
					"法制审核与简易案件审核情况", "全过程记录情况", "案卷评查情况", "统计期间召开研判会商")
				// sections contributed by the dashboard module with the period's figures
				.contains("统计期间办结普通程序案件", "统计期间全过程记录缺失共", "统计期间评查案卷")
				.doesNotContain("【待接入】");

			// the leaders of the half year: each total is the sum of the ledger's Q1 and Q2 totals
			List<String> rowA = rowStartingWith(doc, "RP-A");
			Points expected = total(Period.quarter(2024, 1), "RP-A").plus(total(Period.quarter(2024, 2), "RP-A"));
			assertThat(rowA.get(6)).isEqualTo(expected.toString()).isEqualTo("9.50");
			// Q1's ranking of 一类中队: 报告甲 first with the ledger's total
			Ranking.Entry first = ledger.rankings(Period.quarter(2024, 1), ScoreScope.EVERYONE).categories().stream()
				.filter(c -> c.category().label().equals("一类中队")).findFirst().orElseThrow().entries().get(0);
			List<String> rankRow = rows(doc).stream()
				.filter(cells -> cells.size() == 8 && cells.get(4).equals("报告甲") && cells.get(0).equals("一类中队"))
				.findFirst().orElseThrow();
			assertThat(rankRow.get(3)).isEqualTo(String.valueOf(first.rank())).isEqualTo("1");
			assertThat(rankRow.get(6)).isEqualTo(first.total().toString()).isEqualTo("7.00");

			// fonts: 仿宋 body, 黑体 headings; A4
			XWPFRun body = doc.getParagraphs().stream().filter(p -> p.getText().startsWith("统计期间："))
				.findFirst().orElseThrow().getRuns().get(0);
			assertThat(body.getCTR().getRPr().getRFontsArray(0).getEastAsia()).isEqualTo("仿宋");
			XWPFRun heading = doc.getParagraphs().stream().filter(p -> p.getText().equals("一、积分与排名"))
				.findFirst().orElseThrow().getRuns().get(0);
			assertThat(heading.getCTR().getRPr().getRFontsArray(0).getEastAsia()).isEqualTo("黑体");
			assertThat(doc.getDocument().getBody().getSectPr().getPgSz().getW().toString()).isEqualTo("11906");
		}
		String page = html(mvc.perform(get("/supervision/reports").param("year", "2024").with(Users.leader())).andReturn());
		assertThat(page).contains("下载中期评估报告草稿", "截止：2024-07-31", "截止：2024-12-31", "导出个人汇总")
			.doesNotContain("??");
		mvc.perform(get("/supervision/reports/annual").param("year", "2024").with(Users.leader())).andExpect(status().isOk());
		mvc.perform(get("/supervision/reports/nonsense").with(Users.leader())).andExpect(status().isNotFound());
		mvc.perform(get("/supervision/reports/mid-term").with(Users.squadLeaderOf(class1))).andExpect(status().isForbidden());
	}

	/**
	 * Issue 12 item 13: a bureau with data in 2025 and 2026; the 2025 annual summary and mid-term report,
	 * drafted on a day of 2026, hold 2025 periods, figures and lists only.
	 */
	@Test
	void r72_aReportOfAYearHoldsThatYearsDataEvenWhenDraftedTheNextYear() throws Exception {
		Bureau bureau = new Bureau(jdbc);
		long squad = bureau.unit("跨年一类中队", "一类中队");
		long x = bureau.officer("KN-X", "跨年甲", squad);
		long y = bureau.officer("KN-Y", "跨年乙", squad);
		bureau.concludedCase("KN-2025-1", "普通程序", squad, x, y, LocalDate.of(2025, 5, 6));
		bureau.concludedCase("KN-2026-1", "普通程序", squad, y, x, LocalDate.of(2026, 8, 6));
		bureau.concludedCase("KN-2026-2", "普通程序", squad, y, x, LocalDate.of(2026, 8, 7));
		clock.setToday(LocalDate.of(2026, 10, 20));
		for (String kind : new String[] { "annual", "mid-term" }) {
			MvcResult r = mvc.perform(get("/supervision/reports/" + kind).param("year", "2025").with(Users.legalSection()))
				.andExpect(status().isOk())
				.andReturn();
			try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(r.getResponse().getContentAsByteArray()))) {
				String text = String.join("\n", doc.getParagraphs().stream().map(XWPFParagraph::getText).toList()) + "\n"
						+ String.join("\n", rows(doc).stream().map(row -> String.join("|", row)).toList());
				// the one 2026 date a report of 2025 names is the day it was drafted
				text = text.replace("生成日期：2026-10-20", "生成日期");
				assertThat(text).as(kind).contains("（2025年度", "2025年第2季度排名").doesNotContain("2026");
				// the points are 2025's: 跨年甲 led KN-2025-1 (ordinary lead), not the two 2026 cases of 跨年乙
				assertThat(rowStartingWith(doc, "KN-X")).as(kind).contains("跨年甲");
				assertThat(rowStartingWith(doc, "KN-Y").get(6)).as(kind)
					.isEqualTo(ledger.scores(Period.year(2025)).stream()
						.filter(s -> s.employeeNo().equals("KN-Y")).findFirst().orElseThrow().total().toString());
			}
		}
	}

	@Test
	void r73_thePerOfficerExportHoldsQuarterAndYearPointsRankStandardsAndHoursAsTheApisSay() throws Exception {
		clock.setToday(LocalDate.of(2024, 7, 20));
		Map<String, Row> rows;
		try (XSSFWorkbook wb = xlsx("/supervision/assessment/officers")) {
			Sheet sheet = wb.getSheetAt(0);
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("工号");
			rows = byFirstCell(sheet);
			Row ra = rows.get("RP-A");
			assertThat(ra.getCell(1).getStringCellValue()).isEqualTo("报告甲");
			assertThat(shown(ra.getCell(4))).isEqualTo(total(Period.quarter(2024, 1), "RP-A").toString());
			assertThat(shown(ra.getCell(5))).isEqualTo(total(Period.quarter(2024, 2), "RP-A").toString());
			assertThat(shown(ra.getCell(6))).isEqualTo("0.00");
			assertThat(ra.getCell(7) == null || ra.getCell(7).getCellType() == CellType.BLANK).isTrue();
			assertThat(shown(ra.getCell(8))).isEqualTo(total(Period.year(2024), "RP-A").toString())
				.isEqualTo("9.50");
			assertThat(ra.getCell(9).getNumericCellValue()).isEqualTo(1);
			assertThat(rows.get("RP-B").getCell(9).getNumericCellValue()).isEqualTo(2);
			assertThat(ra.getCell(10).getStringCellValue()).isEqualTo(standardOf(Period.quarter(2024, 1), "RP-A"));
			assertThat(ra.getCell(11).getStringCellValue()).isEqualTo(standardOf(Period.quarter(2024, 2), "RP-A"));
			assertThat(ra.getCell(15).getNumericCellValue()).isEqualTo(2.5);
			Row evil = rows.get("RP-E");
			assertThat(evil.getCell(1).getStringCellValue()).isEqualTo(EVIL);
			assertThat(evil.getCell(1).getCellStyle().getQuotePrefixed()).isTrue();
			assertThat(evil.getCell(1).getCellType()).isEqualTo(CellType.STRING);
		}
		mvc.perform(get("/supervision/assessment/officers").with(Users.officer(a, class1))).andExpect(status().isForbidden());
	}

	@Test
	void r73_thePerUnitExportHoldsOfficersAveragePointsStandardsRateCoverageAndHours() throws Exception {
		clock.setToday(LocalDate.of(2024, 7, 20));
		try (XSSFWorkbook wb = xlsx("/supervision/assessment/units")) {
			Row unit = byFirstCell(wb.getSheetAt(0)).get("报告一类中队");
			assertThat(unit.getCell(1).getStringCellValue()).isEqualTo("一类中队");
			assertThat(unit.getCell(2).getNumericCellValue()).isEqualTo(4);
			Points sum = List.of("RP-A", "RP-B", "RP-C", "RP-E").stream()
				.map(no -> total(Period.year(2024), no))
				.reduce(Points.ZERO, Points::plus);
			assertThat(shown(unit.getCell(3))).isEqualTo(sum.toString()).isEqualTo("14.25");
			assertThat(shown(unit.getCell(4))).isEqualTo("3.56");
			// standards: 4 officers × 3 quarters counted (Q1–Q3), none exempt; only those met count
			long met = List.of(1, 2, 3).stream()
				.flatMap(q -> standards.forQuarter(Period.quarter(2024, q), legal()).stream())
				.filter(s -> s.unitId() == class1 && s.status().isMet())
				.count();
			assertThat(unit.getCell(5).getNumericCellValue()).isEqualTo(met);
			assertThat(unit.getCell(6).getNumericCellValue()).isEqualTo(12);
			assertThat(unit.getCell(8).getStringCellValue()).matches("\\d+/30");
			assertThat(unit.getCell(11).getNumericCellValue()).isEqualTo(2.5);
		}
	}

	// ------------------------------------------------------------------ helpers

	/** a points cell is a number, and what a spreadsheet shows of it is the exact value. */
	private static String shown(org.apache.poi.ss.usermodel.Cell cell) {
		assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
		return new org.apache.poi.ss.usermodel.DataFormatter().formatCellValue(cell);
	}

	static CurrentUser legal() {
		return new CurrentUser(1L, "legal", "法制科", Role.LEGAL, null, null);
	}

	Points total(Period period, String employeeNo) {
		return ledger.scores(period).stream()
			.filter(s -> s.employeeNo().equals(employeeNo))
			.map(PersonScore::total)
			.findFirst()
			.orElse(Points.ZERO);
	}

	String standardOf(Period quarter, String employeeNo) {
		return standards.forQuarter(quarter, legal()).stream()
			.filter(s -> s.employeeNo().equals(employeeNo))
			.map(OfficerStandard::status)
			.findFirst()
			.orElseThrow()
			.label();
	}

	XSSFWorkbook xlsx(String path) throws Exception {
		MvcResult r = mvc.perform(get(path).param("year", "2024").with(Users.leader()))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(r.getResponse().getHeader("Content-Disposition")).startsWith("attachment;");
		return new XSSFWorkbook(new ByteArrayInputStream(r.getResponse().getContentAsByteArray()));
	}

	static Map<String, Row> byFirstCell(Sheet sheet) {
		Map<String, Row> rows = new HashMap<>();
		for (int i = 2; i <= sheet.getLastRowNum(); i++) {
			Row row = sheet.getRow(i);
			Cell c = row == null ? null : row.getCell(0);
			if (c != null && c.getCellType() == CellType.STRING) {
				rows.put(c.getStringCellValue(), row);
			}
		}
		return rows;
	}

	static List<List<String>> rows(XWPFDocument doc) {
		List<List<String>> out = new java.util.ArrayList<>();
		for (XWPFTable t : doc.getTables()) {
			for (XWPFTableRow row : t.getRows()) {
				out.add(row.getTableCells().stream().map(c -> c.getText()).toList());
			}
		}
		return out;
	}

	static List<String> rowStartingWith(XWPFDocument doc, String first) {
		return rows(doc).stream().filter(r -> r.get(0).equals(first)).findFirst().orElseThrow();
	}

	static String html(MvcResult r) throws Exception {
		return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
