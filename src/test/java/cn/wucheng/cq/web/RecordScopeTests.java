package cn.wucheng.cq.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.wucheng.cq.support.Bureau;
import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.TestClock;
import cn.wucheng.cq.support.Users;
import cn.wucheng.cq.training.TrainingFixture;

/**
 * Record-level access (访问控制 f, ASVS V8.2.2): a role that passes the role check still sees only its scope — an
 * officer himself, a squad leader or legal officer his squad. A single record out of scope answers 404 (as if it did
 * not exist, so ids cannot be probed), lists and the API leave it out. Squads 范围甲 (A) and 范围乙 (B).
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "cq.test.context=matrix")
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
class RecordScopeTests {

	static final String Q1 = "2024-Q1";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	static long squadA;

	static long squadB;

	static long a1;

	static long a2;

	static long a3;

	static long b1;

	/** A1 and A2 handle A's case; A2 and A3 another A case A1 has nothing to do with; B1 and B2 handle B's case. */
	static long caseOfA1;

	static long caseOfA2;

	static long caseOfB;

	@BeforeEach
	void bureau() {
		if (squadA != 0) {
			return;
		}
		Bureau bureau = new Bureau(jdbc);
		squadA = bureau.unit("范围甲中队", "一类中队");
		squadB = bureau.unit("范围乙中队", "一类中队");
		a1 = bureau.officer("RS-A1", "范围甲一", squadA);
		a2 = bureau.officer("RS-A2", "范围甲二", squadA);
		a3 = bureau.officer("RS-A3", "范围甲三", squadA);
		b1 = bureau.officer("RS-B1", "范围乙一", squadB);
		long b2 = bureau.officer("RS-B2", "范围乙二", squadB);
		caseOfA1 = bureau.concludedCase("RS-CASE-A1", "普通程序", squadA, a1, a2, LocalDate.of(2024, 2, 5));
		caseOfA2 = bureau.concludedCase("RS-CASE-A2", "普通程序", squadA, a2, a3, LocalDate.of(2024, 2, 6));
		caseOfB = bureau.concludedCase("RS-CASE-B", "普通程序", squadB, b1, b2, LocalDate.of(2024, 2, 7));
	}

	RequestPostProcessor officerA1() {
		return Users.officer(a1, squadA);
	}

	List<RequestPostProcessor> squadRolesOfA() {
		return List.of(Users.squadLeaderOf(squadA), Users.legalOfficerOf(squadA));
	}

	@Test
	void anOfficerGets404ForACaseHeDoesNotHandleInHisSquadOrAnother() throws Exception {
		mvc.perform(get("/cases/" + caseOfA1).with(officerA1())).andExpect(status().isOk());
		mvc.perform(get("/cases/" + caseOfA2).with(officerA1())).andExpect(status().isNotFound());
		mvc.perform(get("/cases/" + caseOfB).with(officerA1())).andExpect(status().isNotFound());
		mvc.perform(get("/cases/no/RS-CASE-B").with(officerA1())).andExpect(status().isNotFound());
		mvc.perform(get("/cases/no/RS-CASE-A2").with(officerA1())).andExpect(status().isNotFound());
	}

	@Test
	void anOfficerGets404ForAnotherOfficersBreakdownPageAndApiAndPersonPage() throws Exception {
		mvc.perform(get("/scores/RS-A1").param("period", Q1).with(officerA1())).andExpect(status().isOk());
		mvc.perform(get("/api/v1/scores/RS-A1").param("period", Q1).with(officerA1())).andExpect(status().isOk());
		mvc.perform(get("/people/" + a1).with(officerA1())).andExpect(status().isOk());
		for (String other : List.of("RS-A2", "RS-B1")) {
			mvc.perform(get("/scores/" + other).param("period", Q1).with(officerA1()))
				.andExpect(status().isNotFound());
			mvc.perform(get("/api/v1/scores/" + other).param("period", Q1).with(officerA1()))
				.andExpect(status().isNotFound());
		}
		mvc.perform(get("/people/" + a2).with(officerA1())).andExpect(status().isNotFound());
		mvc.perform(get("/people/" + b1).with(officerA1())).andExpect(status().isNotFound());
	}

	@Test
	void aSquadLeaderAndALegalOfficerGet404ForAnotherSquadsCasePeopleScoresAndUnit() throws Exception {
		for (RequestPostProcessor user : squadRolesOfA()) {
			mvc.perform(get("/cases/" + caseOfA2).with(user)).andExpect(status().isOk());
			mvc.perform(get("/people/" + a3).with(user)).andExpect(status().isOk());
			mvc.perform(get("/scores/RS-A3").param("period", Q1).with(user)).andExpect(status().isOk());
			mvc.perform(get("/units/" + squadA).with(user)).andExpect(status().isOk());

			mvc.perform(get("/cases/" + caseOfB).with(user)).andExpect(status().isNotFound());
			mvc.perform(get("/cases/no/RS-CASE-B").with(user)).andExpect(status().isNotFound());
			mvc.perform(get("/people/" + b1).with(user)).andExpect(status().isNotFound());
			mvc.perform(get("/scores/RS-B1").param("period", Q1).with(user)).andExpect(status().isNotFound());
			mvc.perform(get("/api/v1/scores/RS-B1").param("period", Q1).with(user)).andExpect(status().isNotFound());
			mvc.perform(get("/units/" + squadB).with(user)).andExpect(status().isNotFound());
		}
	}

	@Test
	void aSquadLeaderAndALegalOfficerGet404ForAnotherSquadsTrainingPlanAndSessionAndCannotActOnThem()
			throws Exception {
		TrainingFixture training = new TrainingFixture(jdbc);
		long planOfA = training.plan(squadA, 2031, "DRAFT", "范围甲培训");
		long planOfB = training.plan(squadB, 2031, "COORDINATED", "范围乙培训");
		long sessionOfB = training.session(planOfB, LocalDate.of(2031, 3, 10), "2.5", LocalDate.of(2031, 2, 1));
		for (RequestPostProcessor user : squadRolesOfA()) {
			mvc.perform(get("/training/plans/" + planOfA).with(user)).andExpect(status().isOk());
			mvc.perform(get("/training/plans/" + planOfB).with(user)).andExpect(status().isNotFound());
			mvc.perform(get("/training/sessions/" + sessionOfB).with(user)).andExpect(status().isNotFound());
			mvc.perform(get("/training/sessions/" + sessionOfB + "/template").with(user))
				.andExpect(status().isNotFound());
			mvc.perform(post("/training/plans/" + planOfB + "/back-to-draft").with(csrf()).with(user))
				.andExpect(status().isNotFound());
		}
		assertThat(jdbc.sql("select status from training_plan where id = ?").param(planOfB).query(String.class).single())
			.isEqualTo("COORDINATED");
	}

	@Test
	void theWholeBureauRolesSeeEverySquad() throws Exception {
		for (RequestPostProcessor user : List.of(Users.legalSection(), Users.supervision(), Users.leader())) {
			mvc.perform(get("/cases/" + caseOfB).with(user)).andExpect(status().isOk());
			mvc.perform(get("/people/" + b1).with(user)).andExpect(status().isOk());
			mvc.perform(get("/api/v1/scores/RS-B1").param("period", Q1).with(user)).andExpect(status().isOk());
		}
	}

	@Test
	void listsLeaveOutWhatIsOutOfScope() throws Exception {
		String officerCases = page("/cases?q=RS-CASE", officerA1());
		assertThat(officerCases).contains("RS-CASE-A1").doesNotContain("RS-CASE-A2").doesNotContain("RS-CASE-B");
		String officerPeople = page("/people?q=范围", officerA1());
		assertThat(officerPeople).contains("RS-A1").doesNotContain("RS-A2").doesNotContain("RS-B1");
		String officerScores = page("/api/v1/scores?period=" + Q1, officerA1());
		assertThat(officerScores).contains("RS-A1").doesNotContain("RS-A2").doesNotContain("RS-B1");

		for (RequestPostProcessor user : squadRolesOfA()) {
			assertThat(page("/cases?q=RS-CASE", user)).contains("RS-CASE-A1", "RS-CASE-A2")
				.doesNotContain("RS-CASE-B");
			assertThat(page("/people?q=范围", user)).contains("RS-A1", "RS-A3").doesNotContain("RS-B1");
			assertThat(page("/api/v1/scores?period=" + Q1, user)).contains("RS-A1", "RS-A3")
				.doesNotContain("RS-B1");
			assertThat(page("/api/v1/standards?period=" + Q1, user)).contains("RS-A1").doesNotContain("RS-B1");
			assertThat(page("/api/v1/coverage?year=2024", user)).contains("范围甲中队").doesNotContain("范围乙中队");
			assertThat(page("/units", user)).contains("范围甲中队").doesNotContain("范围乙中队");
		}
	}

	private String page(String url, RequestPostProcessor user) throws Exception {
		return mvc.perform(get(url).with(user))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}

}
