package cn.wucheng.cq.scoring.standards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.wucheng.cq.support.Bureau;
import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.Users;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who reads what through /api/v1/standards and /api/v1/coverage, and bad parameters answered 400 in Chinese with
 * {@code {"errors":[{"message":…}]}}. Units 权限* and 工号 ACC-* are unique to this class.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(properties = "cq.test.context=standards")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StandardsAndCoverageApiAccessTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	long squadA;

	long squadB;

	long officerA;

	@BeforeAll
	void aBureau() {
		Bureau bureau = new Bureau(jdbc);
		squadA = bureau.unit("权限一中队", "一类中队");
		squadB = bureau.unit("权限二中队", "二类中队");
		long section = bureau.unit("权限法制科", "科室");
		officerA = bureau.officer("ACC-01", "甲一", squadA);
		long a2 = bureau.officer("ACC-02", "甲二", squadA);
		long b1 = bureau.officer("ACC-03", "乙一", squadB);
		bureau.officer("ACC-04", "丙一", section);
		bureau.manages(squadB, "民政");
		bureau.concludedCase("ACC-C1", "普通程序", squadA, officerA, a2, LocalDate.of(2024, 2, 1));
		bureau.concludedCase("ACC-C2", "普通程序", squadB, b1, a2, LocalDate.of(2024, 2, 1));
	}

	static Stream<RequestPostProcessor> readersOfEverything() {
		return Stream.of(Users.legalSection(), Users.supervision(), Users.leader());
	}

	@ParameterizedTest
	@MethodSource("readersOfEverything")
	void legalSectionSupervisionAndLeadersReadEveryOfficerAndEverySquad(RequestPostProcessor user) throws Exception {
		assertThat(employeeNos(call("/api/v1/standards?period=2024-Q1", user))).contains("ACC-01", "ACC-02", "ACC-03",
				"ACC-04");
		assertThat(units(call("/api/v1/coverage?year=2024", user))).contains("权限一中队", "权限二中队")
			.doesNotContain("权限法制科");
	}

	@Test
	void aSquadLeaderReadsOnlyTheOfficersAndTheCoverageOfHisSquad() throws Exception {
		RequestPostProcessor leader = Users.squadLeaderOf(squadA);

		assertThat(employeeNos(call("/api/v1/standards?period=2024-Q1", leader))).containsExactly("ACC-01", "ACC-02");
		assertThat(units(call("/api/v1/coverage?year=2024&asOf=2024-09-30", leader))).containsExactly("权限一中队");
	}

	@Test
	void aLegalOfficerReadsOnlyHisSquad() throws Exception {
		RequestPostProcessor legalOfficer = Users.legalOfficerOf(squadB);

		assertThat(employeeNos(call("/api/v1/standards?period=2024-Q1", legalOfficer))).containsExactly("ACC-03");
		assertThat(units(call("/api/v1/coverage?year=2024", legalOfficer))).containsExactly("权限二中队");
	}

	@Test
	void anOfficerReadsOnlyHisOwnStandardAndNoCoverage() throws Exception {
		RequestPostProcessor officer = Users.officer(officerA, squadA);

		JsonNode own = call("/api/v1/standards?period=2024-Q1", officer);
		assertThat(employeeNos(own)).containsExactly("ACC-01");
		assertThat(own.get(0).get("done").get("ordinary").asInt()).isEqualTo(1);
		assertThat(own.get(0).get("status").asString()).isEqualTo("未达标");
		mvc.perform(get("/api/v1/coverage?year=2024").with(officer)).andExpect(status().isForbidden());
	}

	@Test
	void theAdministratorReadsNoBusinessData() throws Exception {
		mvc.perform(get("/api/v1/standards?period=2024-Q1").with(Users.admin())).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/coverage?year=2024").with(Users.admin())).andExpect(status().isForbidden());
	}

	@Test
	void nobodyAnonymousReadsAnything() throws Exception {
		int s = mvc.perform(get("/api/v1/standards?period=2024-Q1")).andReturn().getResponse().getStatus();
		assertThat(s).isIn(401, 302);
	}

	@Test
	void anOrganOfficersRequirementHasOnlyOrdinaryAndHisDoneBothKeys() throws Exception {
		JsonNode organ = rowOf(call("/api/v1/standards?period=2024-Q1", Users.legalSection()), "ACC-04");

		assertThat(organ.get("rule").asString()).isEqualTo("机关参与");
		assertThat(organ.get("required").propertyNames()).containsExactly("ordinary");
		assertThat(organ.get("done").propertyNames()).containsExactlyInAnyOrder("simple", "ordinary");
	}

	@ParameterizedTest
	@ValueSource(strings = { "2024", "2024-03", "2024-Q5", "abc", "" })
	void aPeriodThatIsNotAQuarterIsRefusedInChinese(String period) throws Exception {
		mvc.perform(get("/api/v1/standards").param("period", period).with(Users.legalSection()))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.errors[0].message", Matchers.containsString("2024-Q1")));
	}

	@Test
	void aMissingPeriodIsRefusedInChinese() throws Exception {
		mvc.perform(get("/api/v1/standards").with(Users.legalSection()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message", Matchers.containsString("缺少参数 period")));
	}

	@Test
	void badCoverageParametersAreRefusedInChinese() throws Exception {
		mvc.perform(get("/api/v1/coverage").with(Users.legalSection()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message", Matchers.containsString("year")));
		mvc.perform(get("/api/v1/coverage?year=二〇二四").with(Users.legalSection()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message", Matchers.containsString("四位年份")));
		mvc.perform(get("/api/v1/coverage?year=2024&asOf=2024-13-01").with(Users.legalSection()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message", Matchers.containsString("asOf")));
		mvc.perform(get("/api/v1/coverage?year=2024&asOf=2023-09-30").with(Users.legalSection()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message", Matchers.containsString("2024 年内")));
	}

	@Test
	void coverageRateIsAStringWithTwoDecimals() throws Exception {
		JsonNode squad = null;
		for (JsonNode s : call("/api/v1/coverage?year=2024", Users.legalSection())) {
			if (s.get("unit").asString().equals("权限二中队")) {
				squad = s;
			}
		}
		assertThat(squad).isNotNull();
		assertThat(squad.get("rate").isString()).isTrue();
		assertThat(squad.get("rate").asString()).isEqualTo("0.00");
		assertThat(squad.get("managed").asInt()).isEqualTo(1);
		assertThat(squad.get("missing").get(0).asString()).isEqualTo("民政");
	}

	private JsonNode call(String url, RequestPostProcessor user) throws Exception {
		String body = mvc.perform(get(url).with(user))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		return JSON.readTree(body);
	}

	private static JsonNode rowOf(JsonNode list, String employeeNo) {
		for (JsonNode n : list) {
			if (n.get("employeeNo").asString().equals(employeeNo)) {
				return n;
			}
		}
		throw new AssertionError("no row for " + employeeNo);
	}

	private static List<String> employeeNos(JsonNode list) {
		List<String> out = new ArrayList<>();
		list.forEach(n -> out.add(n.get("employeeNo").asString()));
		return out;
	}

	private static List<String> units(JsonNode list) {
		List<String> out = new ArrayList<>();
		list.forEach(n -> out.add(n.get("unit").asString()));
		return out;
	}

}
