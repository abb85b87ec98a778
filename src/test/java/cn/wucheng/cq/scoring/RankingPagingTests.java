package cn.wucheng.cq.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
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

import cn.wucheng.cq.shared.DataStamp;
import cn.wucheng.cq.support.Bureau;
import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.Users;

/**
 * The ranking page at province scale (R-30, R-31; province-scale issue): each category shows one page of 50 places —
 * the first with the best handlers — with links to the next pages, while the API and the .xlsx export keep the whole
 * list. The ranking is cached per quarter; any committed change of its data, even plain SQL, shows at the next read.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(properties = "cq.test.context=i6perf")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RankingPagingTests {

	static final int OFFICERS = 120;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataStamp stamp;

	Bureau bureau;

	long squad;

	long[] officers = new long[OFFICERS + 1];

	/** 120 officers of one 直属中队; officer n leads n cases of Q1 2024, so RP-120 ranks first and RP-001 last. */
	@BeforeAll
	void aLargeSquad() {
		bureau = new Bureau(jdbc);
		squad = bureau.unit("分页直属中队", "直属中队");
		long partner = bureau.officer("RP-000", "搭档", squad);
		for (int n = 1; n <= OFFICERS; n++) {
			officers[n] = bureau.officer("RP-%03d".formatted(n), "排名" + n, squad);
		}
		int c = 0;
		for (int n = 1; n <= OFFICERS; n += 1) {
			for (int k = 0; k < n % 7 + (n == OFFICERS ? 10 : 0) + 1; k++) {
				bureau.concludedCase("RP-C" + (++c), "简易程序", squad, officers[n], partner, LocalDate.of(2024, 2, 1));
			}
		}
	}

	private static int rows(String html, String category) {
		int from = html.indexOf("id=\"cat-" + category + "\"");
		int to = html.indexOf("ranking-pager", from);
		Matcher m = Pattern.compile("/scores/RP-").matcher(html.substring(from, to));
		int n = 0;
		while (m.find()) {
			n++;
		}
		return n;
	}

	@Test
	void theFirstPageShowsFiftyPlacesWithTheBestHandlerAndALinkToTheNextPage() throws Exception {
		String html = mvc.perform(get("/rankings").param("period", "2024-Q1").with(Users.legalSection()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("第 1 / 3 页，共 121 条")))
			.andExpect(content().string(containsString("/rankings?period=2024-Q1&amp;cat=DIRECT_SQUAD&amp;page=2")))
			.andExpect(content().string(containsString("/scores/RP-120?period=2024-Q1")))
			.andExpect(content().string(containsString("best-handler")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(rows(html, "DIRECT_SQUAD")).isEqualTo(50);
	}

	@Test
	void theLastPageShowsTheRestAndNotTheTop() throws Exception {
		String html = mvc
			.perform(get("/rankings").param("period", "2024-Q1").param("cat", "DIRECT_SQUAD").param("page", "3")
				.with(Users.legalSection()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("第 3 / 3 页，共 121 条")))
			.andExpect(content().string(not(containsString("/scores/RP-120?"))))
			.andExpect(content().string(containsString("cat=DIRECT_SQUAD&amp;page=2")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(rows(html, "DIRECT_SQUAD")).isEqualTo(21);
	}

	@Test
	void aPageBeyondTheLastShowsTheLastAndAnUnknownCategoryPagesTheFirstTab() throws Exception {
		mvc.perform(get("/rankings").param("period", "2024-Q1").param("cat", "DIRECT_SQUAD").param("page", "99")
			.with(Users.legalSection())).andExpect(status().isOk())
			.andExpect(content().string(containsString("第 3 / 3 页")));
		mvc.perform(get("/rankings").param("period", "2024-Q1").param("cat", "<x>").param("page", "2")
			.with(Users.legalSection())).andExpect(status().isOk())
			.andExpect(content().string(containsString("第 2 / 3 页")));
	}

	@Test
	void theApiAndTheExportKeepTheWholeList() throws Exception {
		mvc.perform(get("/api/v1/rankings").param("period", "2024-Q1").with(Users.legalSection()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.categories[?(@.category == '直属中队')].entries[*]", hasSize(OFFICERS + 1)));
		byte[] xlsx = mvc.perform(get("/rankings/export").param("period", "2024-Q1").with(Users.legalSection()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			int found = 0;
			for (int s = 0; s < wb.getNumberOfSheets(); s++) {
				Sheet sheet = wb.getSheetAt(s);
				for (var row : sheet) {
					for (var cell : row) {
						if (cell.toString().startsWith("RP-")) {
							found++;
						}
					}
				}
			}
			assertThat(found).isEqualTo(OFFICERS + 1);
		}
	}

	@Test
	void aChangeMadeWithPlainSqlShowsInTheCachedRankingAtTheNextRead() throws Exception {
		mvc.perform(get("/api/v1/rankings").param("period", "2024-Q3").with(Users.legalSection()))
			.andExpect(jsonPath("$.categories[?(@.category == '直属中队')].entries[0].employeeNo").value("RP-000"));
		long before = stamp.current();

		bureau.concludedCase("RP-Q3-1", "重大疑难", squad, officers[5], officers[6], LocalDate.of(2024, 8, 1));

		if (stamp.enabled()) { // PostgreSQL: the trigger raised the stamp in the inserting transaction
			assertThat(stamp.current()).isGreaterThan(before);
		}
		mvc.perform(get("/api/v1/rankings").param("period", "2024-Q3").with(Users.legalSection()))
			.andExpect(jsonPath("$.categories[?(@.category == '直属中队')].entries[0].employeeNo").value("RP-005"));
		mvc.perform(get("/scores/RP-005").param("period", "2024-Q3").with(Users.legalSection()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("RP-Q3-1")));
	}

	@Test
	void theWebjarsStillLoadAndPageLinksAreWrittenAsIs() throws Exception {
		mvc.perform(get("/webjars/bootstrap/css/bootstrap.min.css")).andExpect(status().isOk());
		mvc.perform(get("/webjars/echarts/dist/echarts.min.js")).andExpect(status().isOk());
		mvc.perform(get("/rankings").param("period", "2024-Q1").with(Users.legalSection()))
			.andExpect(content().string(containsString("href=\"/webjars/bootstrap/css/bootstrap.min.css\"")))
			.andExpect(content().string(containsString("src=\"/webjars/echarts/dist/echarts.min.js\"")));
	}

}
