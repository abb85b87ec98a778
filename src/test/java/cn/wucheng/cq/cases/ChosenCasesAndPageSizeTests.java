package cn.wucheng.cq.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.Cookie;

import org.apache.poi.ss.usermodel.DataFormatter;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.wucheng.cq.support.Bureau;
import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.Users;

/**
 * Issue 13 item 7: "导出所选" on the case list writes exactly the ticked cases the reader may see, and the page size a
 * user chooses in a pager is remembered for the other lists.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChosenCasesAndPageSizeTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	long squad;

	long otherSquad;

	final List<Long> cases = new ArrayList<>();

	long otherSquadsCase;

	@BeforeAll
	void bureau() {
		Bureau bureau = new Bureau(jdbc);
		squad = bureau.unit("导出甲中队", "一类中队");
		otherSquad = bureau.unit("导出乙中队", "一类中队");
		long a = bureau.officer("DC101", "导出甲一", squad);
		long b = bureau.officer("DC102", "导出甲二", squad);
		long c = bureau.officer("DC201", "导出乙一", otherSquad);
		long d = bureau.officer("DC202", "导出乙二", otherSquad);
		for (int i = 1; i <= 4; i++) {
			cases.add(bureau.concludedCase("DC-2019-00" + i, i % 2 == 0 ? "普通程序" : "简易程序", squad, a, b,
					LocalDate.of(2019, 3, i)));
		}
		otherSquadsCase = bureau.concludedCase("DC-2019-101", "简易程序", otherSquad, c, d, LocalDate.of(2019, 3, 9));
	}

	@Test
	void theExportOfTheTickedCasesHoldsExactlyThoseCasesInCaseNumberOrder() throws Exception {
		byte[] xlsx = mvc
			.perform(post("/cases/export").with(Users.legalSection())
				.with(csrf())
				.param("ids", cases.get(3).toString(), cases.get(0).toString()))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type",
					"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		List<List<String>> rows = rows(xlsx);
		assertThat(rows.get(0)).startsWith("案件编号", "决定书号", "类别");
		assertThat(rows.subList(1, rows.size())).extracting(r -> r.get(0)).containsExactly("DC-2019-001", "DC-2019-004");
		assertThat(rows.get(1)).contains("简易程序", "导出甲中队", "2019-03-01", "导出甲一（DC101）", "导出甲二（DC102）");
		assertThat(rows.get(2)).contains("普通程序", "2019-03-04");
	}

	@Test
	void aSquadLeadersExportLeavesOutTickedCasesOfAnotherSquad() throws Exception {
		byte[] xlsx = mvc
			.perform(post("/cases/export").with(Users.squadLeaderOf(squad))
				.with(csrf())
				.param("ids", cases.get(1).toString(), otherSquadsCase + ""))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(rows(xlsx).subList(1, rows(xlsx).size())).extracting(r -> r.get(0)).containsExactly("DC-2019-002");
	}

	@Test
	void exportingWithNothingTickedGoesBackToTheListWithAMessage() throws Exception {
		mvc.perform(post("/cases/export").with(Users.legalSection()).with(csrf()))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/cases"))
			.andExpect(flash().attribute("flashError", "请先勾选要导出的案件。"));
	}

	@Test
	void thePageSizeChosenOnTheCaseListIsUsedByThePeopleListAndIsTheUsersOwn() throws Exception {
		RequestPostProcessor leader = Users.squadLeaderOf(squad);
		MockHttpServletResponse chosen = mvc.perform(get("/cases?size=20").with(leader))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(page(chosen, "cases")).isEqualTo(20);
		Cookie remembered = chosen.getCookies()[0];
		assertThat(remembered.getMaxAge()).isGreaterThan(30 * 24 * 3600);
		assertThat(remembered.isHttpOnly()).isTrue();
		// another list, a later request (no size parameter): the remembered size
		assertThat(page(mvc.perform(get("/people").with(leader).cookie(remembered)).andReturn().getResponse(), "people"))
			.isEqualTo(20);
		assertThat(page(mvc.perform(get("/cases?page=1").with(leader).cookie(remembered)).andReturn().getResponse(),
				"cases"))
			.isEqualTo(20);
		// another account on the same browser keeps the list's own default
		assertThat(page(mvc.perform(get("/people").with(Users.legalSection()).cookie(remembered))
			.andReturn()
			.getResponse(), "people")).isEqualTo(50);
		// a size that is not offered is ignored
		assertThat(page(mvc.perform(get("/people?size=100000").with(leader)).andReturn().getResponse(), "people"))
			.isEqualTo(50);
	}

	/** The page size the pager marks as chosen. */
	private int page(MockHttpServletResponse response, String list) throws Exception {
		String html = response.getContentAsString();
		java.util.regex.Matcher m = java.util.regex.Pattern
			.compile("<a class=\"btn btn-secondary active\"[^>]*data-page-size=\"(\\d+)\"")
			.matcher(html);
		assertThat(m.find()).as("a chosen page size in the pager of " + list).isTrue();
		return Integer.parseInt(m.group(1));
	}

	private static List<List<String>> rows(byte[] xlsx) throws Exception {
		List<List<String>> rows = new ArrayList<>();
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = wb.getSheetAt(0);
			DataFormatter f = new DataFormatter();
			for (Row row : sheet) {
				List<String> cells = new ArrayList<>();
				row.forEach(c -> cells.add(f.formatCellValue(c)));
				rows.add(cells);
			}
		}
		return rows;
	}


}
