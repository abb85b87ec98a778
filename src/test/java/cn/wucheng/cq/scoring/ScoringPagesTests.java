package cn.wucheng.cq.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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

/**
 * The scoring pages: the score list with period, unit filter and sorting; the breakdown that explains
 * each item; the ranking with its badge and .xlsx export — and each role's access (403) and scope (404, filtered).
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(properties = "cq.test.context=scoring-pages")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScoringPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	long north;

	long east;

	Map<String, Long> example;

	@BeforeAll
	void bureau() {
		Bureau bureau = new Bureau(jdbc);
		long section = bureau.unit("法制科", "科室");
		north = bureau.unit("城北中队", "二类中队");
		east = bureau.unit("城东中队", "一类中队");
		example = WorkedExample.insert(bureau, north, section);
		long zhao = bureau.officer("E01", "赵六", east);
		long formula = bureau.officer("E02", "=HYPERLINK(\"http://x\",\"点我\")", east);
		bureau.concludedCase("E-1", "普通程序", east, zhao, formula, LocalDate.of(2024, 3, 1));
		bureau.concludedCase("E-2", "普通程序", east, zhao, formula, LocalDate.of(2024, 3, 2));
	}

	@Test
	void theScoreListShowsEveryoneOfThePeriodWithLinksToTheirBreakdowns() throws Exception {
		mvc.perform(get("/scores").param("period", "2024-Q1").with(Users.legalSection()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2024年第1季度积分")))
			.andExpect(content().string(containsString("张三")))
			.andExpect(content().string(containsString("赵六")))
			.andExpect(content().string(containsString("7.50")))
			.andExpect(content().string(containsString("/scores/WE01?period=2024-Q1")))
			.andExpect(content().string(containsString("二类中队")));
	}

	@Test
	void withoutAPeriodTheListOpensOnTheLatestQuarterWithConcludedCases() throws Exception {
		mvc.perform(get("/scores").with(Users.legalSection()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2024年第2季度积分")))
			.andExpect(content().string(containsString("<option value=\"2024-Q2\" selected=\"selected\"")));
	}

	@Test
	void aWrongPeriodIsRefusedWithTheOneMessageInsteadOfShowingAnotherQuarter() throws Exception {
		// issue 15 item 2: one converter, one message (period.bad), a 400 — no silent fall back to the default quarter
		mvc.perform(get("/scores").param("period", "2024-13").with(Users.legalSection()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("期间有误")))
			.andExpect(content().string(not(containsString("2024年第2季度积分"))));
	}

	@Test
	void theListSortsByTotalAndFiltersByUnitForReadersOfEverything() throws Exception {
		String byTotal = mvc.perform(get("/scores").param("period", "2024-Q1").param("sort", "total")
			.with(Users.legalSection())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(byTotal.indexOf("张三")).isLessThan(byTotal.indexOf("王五"));
		assertThat(byTotal.indexOf("赵六")).isLessThan(byTotal.indexOf("李四"));
		mvc.perform(get("/scores").param("period", "2024-Q1").param("unit", Long.toString(east))
			.with(Users.supervision()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("赵六")))
			.andExpect(content().string(not(containsString("张三"))));
	}

	@Test
	void aSquadLeaderSeesOnlyHisUnitWhateverUnitHeAsksFor() throws Exception {
		mvc.perform(get("/scores").param("period", "2024-Q1").param("unit", Long.toString(north))
			.with(Users.squadLeaderOf(east)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("赵六")))
			.andExpect(content().string(not(containsString("张三"))));
		mvc.perform(get("/scores/WE01").param("period", "2024-Q1").with(Users.squadLeaderOf(east)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/scores/E01").param("period", "2024-Q1").with(Users.legalOfficerOf(east)))
			.andExpect(status().isOk());
	}

	@Test
	void anOfficerSeesHisOwnScoreAndBreakdownButNotOthersNorTheRanking() throws Exception {
		RequestPostProcessor liSi = Users.officer(example.get("李四"), north);
		mvc.perform(get("/scores").param("period", "2024-Q1").with(liSi))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("李四")))
			.andExpect(content().string(not(containsString("张三"))));
		mvc.perform(get("/scores/WE02").param("period", "2024-Q1").with(liSi)).andExpect(status().isOk());
		mvc.perform(get("/scores/WE01").param("period", "2024-Q1").with(liSi)).andExpect(status().isNotFound());
		mvc.perform(get("/rankings").param("period", "2024-Q1").with(liSi)).andExpect(status().isForbidden());
		mvc.perform(get("/rankings/export").param("period", "2024-Q1").with(liSi)).andExpect(status().isForbidden());
	}

	@Test
	void theAdministratorSeesNoBusinessPages() throws Exception {
		for (String url : new String[] { "/scores", "/scores/WE01", "/rankings", "/rankings/export" }) {
			mvc.perform(get(url).param("period", "2024-Q1").with(Users.admin())).andExpect(status().isForbidden());
		}
	}

	@Test
	void r25_theBreakdownExplainsEachCaseAndAwardWithItsDeductionsAndTotals() throws Exception {
		mvc.perform(get("/scores/WE01").param("period", "2024").with(Users.leader()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("张三（WE01）2024年积分明细")))
			.andExpect(content().string(containsString("WE-B")))
			.andExpect(content().string(containsString("PC02 证据不充分 扣 1.00 分（2024-03-20 退卷）")))
			.andExpect(content().string(containsString("质量分 2 − 扣分 2.50，最低为 0")))
			.andExpect(content().string(containsString("市级优秀案卷 3 分 − 已计 1 分（只计最高级别）")))
			.andExpect(content().string(containsString("协办人员各项减半")))
			.andExpect(content().string(containsString("15.00")))
			.andExpect(content().string(containsString("data-print")));
	}

	@Test
	void theRankingShowsEachCategoryWithPoolPlacesAndTheBestHandlerBadge() throws Exception {
		mvc.perform(get("/rankings").param("period", "2024-Q1").with(Users.legalSection()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2024年第1季度排名")))
			.andExpect(content().string(containsString("直属中队")))
			.andExpect(content().string(containsString("一类中队")))
			.andExpect(content().string(containsString("排名人数 3")))
			.andExpect(content().string(containsString("最佳办案能手名额 1")))
			.andExpect(content().string(containsString("best-handler")))
			.andExpect(content().string(containsString("data-names=\"[&quot;张三&quot;")))
			.andExpect(content().string(containsString("/rankings/export?period=2024-Q1")))
			.andExpect(content().string(not(containsString("<script>"))));
	}

	@Test
	void aRankingOfAYearIsRefusedWithTheOneMessage() throws Exception {
		mvc.perform(get("/rankings").param("period", "2024").with(Users.legalSection()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("期间有误")))
			.andExpect(content().string(not(containsString("2024年第2季度排名"))));
		mvc.perform(get("/rankings/export").param("period", "2024").with(Users.legalSection()))
			.andExpect(status().isBadRequest());
	}

	@Test
	void theExportIsARealWorkbookWithASheetPerCategoryExactNumericTotalsAndTextCellsThatCannotRunFormulas() throws Exception {
		byte[] xlsx = mvc.perform(get("/rankings/export").param("period", "2024-Q1").with(Users.legalSection()))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type",
					"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.andExpect(header().string("Content-Disposition", containsString("2024-Q1.xlsx")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			assertThat(wb.getNumberOfSheets()).isEqualTo(3);
			assertThat(wb.getSheetName(0)).isEqualTo("直属中队");
			assertThat(wb.getSheetName(1)).isEqualTo("一类中队");
			assertThat(wb.getSheetName(2)).isEqualTo("二类中队");
			Sheet class2 = wb.getSheet("二类中队");
			assertThat(class2.getRow(0).getCell(0).getStringCellValue()).contains("2024年第1季度", "排名人数 3");
			assertThat(class2.getRow(1).getCell(0).getStringCellValue()).isEqualTo("排名");
			Row first = class2.getRow(2);
			// ranks are numbers too, so the sheet sorts by them (issue 13, item 8)
			assertThat(first.getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(first.getCell(0).getNumericCellValue()).isEqualTo(1);
			assertThat(first.getCell(1).getStringCellValue()).isEqualTo("WE01");
			assertThat(first.getCell(2).getStringCellValue()).isEqualTo("张三");
			// totals are numbers whose format shows every decimal
			assertThat(first.getCell(4).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(new DataFormatter().formatCellValue(first.getCell(4))).isEqualTo("7.50");
			assertThat(first.getCell(5).getStringCellValue()).isEqualTo("最佳办案能手");
			assertThat(new DataFormatter().formatCellValue(class2.getRow(4).getCell(4))).isEqualTo("1.25");
			assertThat(class2.getRow(4).getCell(5).getStringCellValue()).isEmpty();

			Sheet class1 = wb.getSheet("一类中队");
			Cell formulaName = null;
			for (Row row : class1) {
				if (row.getRowNum() > 1 && row.getCell(2).getStringCellValue().startsWith("=")) {
					formulaName = row.getCell(2);
				}
			}
			assertThat(formulaName).isNotNull();
			assertThat(formulaName.getCellType()).isEqualTo(CellType.STRING);
			assertThat(formulaName.getStringCellValue()).isEqualTo("=HYPERLINK(\"http://x\",\"点我\")");
			assertThat(formulaName.getCellStyle().getQuotePrefixed()).isTrue();
		}
	}

	@Test
	void aSquadLeadersExportHoldsOnlyHisUnit() throws Exception {
		byte[] xlsx = mvc.perform(get("/rankings/export").param("period", "2024-Q1").with(Users.squadLeaderOf(east)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			assertThat(wb.getSheet("二类中队").getLastRowNum()).isEqualTo(1);
			assertThat(wb.getSheet("一类中队").getLastRowNum()).isEqualTo(3);
		}
	}

}
