package cn.wucheng.cq.scoring;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
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
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.wucheng.cq.support.Bureau;
import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.Users;

/**
 * The JSON API of API.md for scores, breakdowns and rankings: decimals as strings with two decimals, bad
 * periods answered 400 in Chinese, and every role's data scope (403 / 404 / filtered lists).
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(properties = "cq.test.context=scores-api")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScoresApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	long north;

	long east;

	long zhaoLiu;

	Map<String, Long> example;

	@BeforeAll
	void bureau() {
		Bureau bureau = new Bureau(jdbc);
		long section = bureau.unit("法制科", "科室");
		north = bureau.unit("城北中队", "二类中队");
		east = bureau.unit("城东中队", "一类中队");
		example = WorkedExample.insert(bureau, north, section);
		zhaoLiu = bureau.officer("E01", "赵六", east);
		long qianQi = bureau.officer("E02", "钱七", east);
		bureau.concludedCase("E-1", "普通程序", east, zhaoLiu, qianQi, LocalDate.of(2024, 3, 1));
	}

	@Test
	void legalSectionGetsEveryScoreWithDecimalsAsStringsWithTwoDecimals() throws Exception {
		mvc.perform(get("/api/v1/scores").param("period", "2024-Q1").with(Users.legalSection()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.employeeNo == 'WE01')].total").value("7.50"))
			.andExpect(jsonPath("$[?(@.employeeNo == 'WE01')].quantity").value("5.50"))
			.andExpect(jsonPath("$[?(@.employeeNo == 'WE01')].quality").value("2.00"))
			.andExpect(jsonPath("$[?(@.employeeNo == 'WE01')].excellence").value("0.00"))
			.andExpect(jsonPath("$[?(@.employeeNo == 'WE01')].leadCases").value(2))
			.andExpect(jsonPath("$[?(@.employeeNo == 'WE01')].coCases").value(0))
			.andExpect(jsonPath("$[?(@.employeeNo == 'WE01')].unit").value("城北中队"))
			.andExpect(jsonPath("$[?(@.employeeNo == 'WE01')].unitType").value("二类中队"))
			.andExpect(jsonPath("$[?(@.employeeNo == 'WE02')].total").value("1.25"))
			.andExpect(jsonPath("$[?(@.employeeNo == 'E01')].total").value("7.00"))
			.andExpect(jsonPath("$[0].employeeNo").value("E01"))
			.andExpect(jsonPath("$[0].total").isString());
	}

	@Test
	void monthsAndYearsAreAcceptedPeriods() throws Exception {
		mvc.perform(get("/api/v1/scores").param("period", "2024-03").with(Users.leader()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.employeeNo == 'WE01')].total").value("5.00"));
		mvc.perform(get("/api/v1/scores").param("period", "2024").with(Users.supervision()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.employeeNo == 'WE03')].total").value("17.50"));
	}

	@Test
	void aBadOrMissingPeriodIsAnsweredFourHundredInChinese() throws Exception {
		mvc.perform(get("/api/v1/scores").param("period", "2024-Q5").with(Users.legalSection()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value(containsString("期间")));
		mvc.perform(get("/api/v1/scores").with(Users.legalSection()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value(containsString("period")));
		mvc.perform(get("/api/v1/scores/WE01").param("period", "last year").with(Users.legalSection()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value(containsString("2024-Q1")));
	}

	@Test
	void theBreakdownAddsEveryItemWithItsRoleComponentsAndDeductions() throws Exception {
		mvc.perform(get("/api/v1/scores/WE01").param("period", "2024").with(Users.legalSection()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.employeeNo").value("WE01"))
			.andExpect(jsonPath("$.total").value("15.00"))
			.andExpect(jsonPath("$.items", hasSize(6)))
			.andExpect(jsonPath("$.items[0].kind").value("case"))
			.andExpect(jsonPath("$.items[0].caseNo").value("WE-A"))
			.andExpect(jsonPath("$.items[0].role").value("主办"))
			.andExpect(jsonPath("$.items[0].category").value("简易程序"))
			.andExpect(jsonPath("$.items[0].concludedOn").value("2024-02-01"))
			.andExpect(jsonPath("$.items[0].quantity").value("0.50"))
			.andExpect(jsonPath("$.items[0].quality").value("2.00"))
			.andExpect(jsonPath("$.items[0].total").value("2.50"))
			.andExpect(jsonPath("$.items[1].quality").value("0.00"))
			.andExpect(jsonPath("$.items[1].deductions[0].code").value("PC02"))
			.andExpect(jsonPath("$.items[1].deductions[1].points").value("1.50"))
			.andExpect(jsonPath("$.items[2].role").value("协办"))
			.andExpect(jsonPath("$.items[2].total").value("6.00"))
			.andExpect(jsonPath("$.items[4].kind").value("award"))
			.andExpect(jsonPath("$.items[4].awardLevel").value("市级"))
			.andExpect(jsonPath("$.items[4].ratedOn").value("2024-08-01"))
			.andExpect(jsonPath("$.items[4].creditedBefore").value("1.00"))
			.andExpect(jsonPath("$.items[4].excellence").value("1.00"));
	}

	@Test
	void anUnknownEmployeeNumberIsNotFound() throws Exception {
		mvc.perform(get("/api/v1/scores/NOBODY").param("period", "2024").with(Users.legalSection()))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.errors[0].message").value(containsString("NOBODY")));
	}

	@Test
	void rankingsListTheThreeSquadCategoriesWithPoolPlacesAndEntries() throws Exception {
		mvc.perform(get("/api/v1/rankings").param("period", "2024-Q1").with(Users.legalSection()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.period").value("2024-Q1"))
			.andExpect(jsonPath("$.categories[*].category").value(org.hamcrest.Matchers.contains("直属中队", "一类中队", "二类中队")))
			.andExpect(jsonPath("$.categories[2].pool").value(3))
			.andExpect(jsonPath("$.categories[2].places").value(1))
			.andExpect(jsonPath("$.categories[2].entries[0].rank").value(1))
			.andExpect(jsonPath("$.categories[2].entries[0].employeeNo").value("WE01"))
			.andExpect(jsonPath("$.categories[2].entries[0].name").value("张三"))
			.andExpect(jsonPath("$.categories[2].entries[0].unit").value("城北中队"))
			.andExpect(jsonPath("$.categories[2].entries[0].total").value("7.50"))
			.andExpect(jsonPath("$.categories[2].entries[0].bestHandler").value(true))
			.andExpect(jsonPath("$.categories[2].entries[1].bestHandler").value(false))
			.andExpect(jsonPath("$.categories[1].entries[0].employeeNo").value("E01"))
			.andExpect(jsonPath("$.categories[0].pool").value(0))
			.andExpect(jsonPath("$.categories[0].entries", hasSize(0)));
	}

	@Test
	void rankingsAreForQuartersOnly() throws Exception {
		for (String p : new String[] { "2024", "2024-03" }) {
			mvc.perform(get("/api/v1/rankings").param("period", p).with(Users.legalSection()))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].message").value(containsString("季度")));
		}
	}

	@Test
	void theAdministratorSeesNoScoresBreakdownsOrRankings() throws Exception {
		for (String url : new String[] { "/api/v1/scores", "/api/v1/scores/WE01", "/api/v1/rankings" }) {
			mvc.perform(get(url).param("period", "2024-Q1").with(Users.admin())).andExpect(status().isForbidden());
		}
	}

	@Test
	void anOfficerSeesOnlyHimselfAndNoRankingYet() throws Exception {
		RequestPostProcessor zhangSan = Users.officer(example.get("张三"), north);
		mvc.perform(get("/api/v1/scores").param("period", "2024-Q1").with(zhangSan))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].employeeNo").value("WE01"));
		mvc.perform(get("/api/v1/scores/WE01").param("period", "2024-Q1").with(zhangSan))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value("7.50"));
		mvc.perform(get("/api/v1/scores/WE02").param("period", "2024-Q1").with(zhangSan))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/rankings").param("period", "2024-Q1").with(zhangSan))
			.andExpect(status().isForbidden());
	}

	@Test
	void aSquadLeaderAndALegalOfficerSeeOnlyTheirUnit() throws Exception {
		for (RequestPostProcessor user : new RequestPostProcessor[] { Users.squadLeaderOf(east),
				Users.legalOfficerOf(east) }) {
			mvc.perform(get("/api/v1/scores").param("period", "2024-Q1").with(user))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$[*].employeeNo").value(org.hamcrest.Matchers.contains("E01", "E02")));
			mvc.perform(get("/api/v1/scores/E01").param("period", "2024-Q1").with(user)).andExpect(status().isOk());
			mvc.perform(get("/api/v1/scores/WE01").param("period", "2024-Q1").with(user))
				.andExpect(status().isNotFound());
			mvc.perform(get("/api/v1/rankings").param("period", "2024-Q1").with(user))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.categories[2].pool").value(3))
				.andExpect(jsonPath("$.categories[2].entries", hasSize(0)))
				.andExpect(jsonPath("$.categories[1].entries[*].employeeNo", not(hasItem("WE01"))))
				.andExpect(jsonPath("$.categories[1].entries", hasSize(2)));
		}
	}

	@Test
	void supervisionAndLeadersReadEveryUnit() throws Exception {
		for (RequestPostProcessor user : new RequestPostProcessor[] { Users.supervision(), Users.leader() }) {
			mvc.perform(get("/api/v1/scores/WE01").param("period", "2024-Q1").with(user)).andExpect(status().isOk());
			mvc.perform(get("/api/v1/rankings").param("period", "2024-Q1").with(user))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.categories[2].entries", hasSize(3)));
		}
	}

	@Test
	void theApiDocumentationShowsTheWordsOfTheMessagesWithoutRuleIds() throws Exception {
		// issue 15 item 3: the annotations name message keys; springdoc shows their text
		mvc.perform(get("/v3/api-docs").with(Users.legalSection()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("各人积分（附件1 积分制 第二条）")))
			.andExpect(content().string(containsString("季度排名（附件1 积分制 第三条）")))
			.andExpect(content().string(not(containsString("scoring.api."))))
			.andExpect(content().string(not(containsString("R-30"))));
	}

	@Test
	void anonymousCallersAreRefused() throws Exception {
		mvc.perform(get("/api/v1/scores").param("period", "2024-Q1")).andExpect(status().isUnauthorized());
	}

}
