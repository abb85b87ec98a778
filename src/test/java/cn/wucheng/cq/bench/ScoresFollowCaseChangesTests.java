package cn.wucheng.cq.bench;

import static org.hamcrest.Matchers.contains;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import cn.wucheng.cq.support.Bureau;
import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.Users;

/**
 * Nothing the system precomputes or caches goes stale (province-scale issue): when a case changes through the system
 * (re-importing its row, IMPORT.md: a changed row updates the record), the very next read of the scores, the
 * breakdown and the rankings shows the change — period, category and deductions.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest
@AutoConfigureMockMvc
class ScoresFollowCaseChangesTests {

	static final String CASES = "案件编号,决定书号,案件类别,执法领域,办案单位,案件来源,立案日期,办结日期,主办人工号,协办人工号,视频编号\n";

	static final String DEDUCTIONS = "案件编号,退卷日期,扣分项编码,扣分项,扣分\n";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void aSquadWithTwoOfficers() {
		if (jdbc.sql("select count(*) from person where employee_no = 'FRESH-1'").query(Integer.class).single() == 0) {
			Bureau bureau = new Bureau(jdbc);
			long squad = bureau.unit("保鲜中队", "直属中队");
			bureau.officer("FRESH-1", "甲", squad);
			bureau.officer("FRESH-2", "乙", squad);
		}
	}

	@Test
	void movingACasesConclusionToAnotherQuarterMovesItsPointsAtTheNextRead() throws Exception {
		importCases("FRESH-C1,,普通程序,市容环境卫生,保鲜中队,投诉举报,2024-01-05,2024-02-10,FRESH-1,FRESH-2,");
		scoresOf("2024-Q1").andExpect(jsonPath(total("FRESH-1"), contains("7.00")));
		scoresOf("2024-Q1").andExpect(jsonPath(total("FRESH-2"), contains("3.50")));

		importCases("FRESH-C1,,普通程序,市容环境卫生,保鲜中队,投诉举报,2024-01-05,2024-05-10,FRESH-1,FRESH-2,");

		scoresOf("2024-Q1").andExpect(jsonPath(total("FRESH-1"), contains("0.00")));
		scoresOf("2024-Q2").andExpect(jsonPath(total("FRESH-1"), contains("7.00")));
		rankingOf("2024-Q2").andExpect(jsonPath(rankedTotal("FRESH-1"), contains("7.00")));
	}

	@Test
	void changingACasesCategoryAndReturningItChangeItsPointsAtTheNextRead() throws Exception {
		importCases("FRESH-C2,,普通程序,市容环境卫生,保鲜中队,投诉举报,2024-07-01,2024-08-10,FRESH-2,FRESH-1,");
		scoresOf("2024-Q3").andExpect(jsonPath(total("FRESH-2"), contains("7.00")));
		rankingOf("2024-Q3").andExpect(jsonPath(rankedTotal("FRESH-2"), contains("7.00")));

		importCases("FRESH-C2,,重大疑难,市容环境卫生,保鲜中队,投诉举报,2024-07-01,2024-08-10,FRESH-2,FRESH-1,");

		scoresOf("2024-Q3").andExpect(jsonPath(total("FRESH-2"), contains("12.00")));
		scoresOf("2024-Q3").andExpect(jsonPath(total("FRESH-1"), contains("6.00")));
		rankingOf("2024-Q3").andExpect(jsonPath(rankedTotal("FRESH-2"), contains("12.00")));

		upload("deductions", DEDUCTIONS + "FRESH-C2,2024-09-01,FRESH-D1,文书制作不规范,0.5\n");

		scoresOf("2024-Q3").andExpect(jsonPath(total("FRESH-2"), contains("11.50")));
		mvc.perform(get("/api/v1/scores/FRESH-2").param("period", "2024-Q3").with(Users.legalSection()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value("11.50"))
			.andExpect(jsonPath("$.items[0].category").value("重大疑难"))
			.andExpect(jsonPath("$.items[0].quality").value("1.50"));
	}

	private void importCases(String row) throws Exception {
		upload("cases", CASES + row + "\n");
	}

	private void upload(String kind, String csv) throws Exception {
		mvc.perform(multipart("/api/v1/imports/" + kind)
			.file(new MockMultipartFile("file", kind + ".csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
			.with(Users.legalSection())
			.with(csrf())).andExpect(status().isOk());
	}

	private ResultActions scoresOf(String period) throws Exception {
		return mvc.perform(get("/api/v1/scores").param("period", period).with(Users.legalSection()))
			.andExpect(status().isOk());
	}

	private ResultActions rankingOf(String period) throws Exception {
		return mvc.perform(get("/api/v1/rankings").param("period", period).with(Users.legalSection()))
			.andExpect(status().isOk());
	}

	private static String total(String employeeNo) {
		return "$[?(@.employeeNo == '" + employeeNo + "')].total";
	}

	private static String rankedTotal(String employeeNo) {
		return "$.categories[*].entries[?(@.employeeNo == '" + employeeNo + "')].total";
	}

}
