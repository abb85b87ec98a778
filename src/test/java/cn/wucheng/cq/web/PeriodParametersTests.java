package cn.wucheng.cq.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.Users;

/**
 * Issue 15 item 2: a period request parameter is read by one converter; a value that is no period, or a month or year
 * where a quarter is needed (rankings R-30, standards R-32), gets one Chinese message and a 400, on a page and on
 * the API alike; an absent one still opens the page on its default quarter. Shares the standards tests' context.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(properties = "cq.test.context=standards")
@AutoConfigureMockMvc
class PeriodParametersTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	MessageSource messages;

	String badPeriod() {
		return messages.getMessage("period.bad", null, Locale.SIMPLIFIED_CHINESE);
	}

	@Test
	void aPageRefusesAnUnreadablePeriodWithTheOneMessage() throws Exception {
		String html = mvc.perform(get("/standards?period=2024-Q5").with(Users.supervision()))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		// The page text, not its markup: the CSRF token is random and once held "Q5" (CI, stop 19).
		String text = html.replaceAll("<[^>]*>", " ");
		assertThat(text).contains(badPeriod()).doesNotContain("2024-Q5").doesNotContain("Exception");
	}

	@Test
	void aPageThatNeedsAQuarterRefusesAMonthWithTheSameMessage() throws Exception {
		String html = mvc.perform(get("/standards?period=2024-03").with(Users.supervision()))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains(badPeriod());
	}

	@Test
	void aPageWithoutAPeriodStillOpensOnItsDefaultQuarter() throws Exception {
		mvc.perform(get("/standards").with(Users.supervision())).andExpect(status().isOk());
		mvc.perform(get("/standards?period=").with(Users.supervision())).andExpect(status().isOk());
		mvc.perform(get("/standards?period=2024-Q2").with(Users.supervision())).andExpect(status().isOk());
	}

	@Test
	void theApiRefusesAnUnreadablePeriodWithTheOneMessageAsJson() throws Exception {
		mvc.perform(get("/api/v1/rankings?period=abc").with(Users.supervision()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value(badPeriod()));
		mvc.perform(get("/api/v1/scores?period=2024-13").with(Users.supervision()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value(badPeriod()));
	}

	@Test
	void theApiRefusesAYearWhereAQuarterIsNeededButTakesItWhereAnyPeriodWillDo() throws Exception {
		mvc.perform(get("/api/v1/rankings?period=2024").with(Users.supervision()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value(badPeriod()));
		mvc.perform(get("/api/v1/standards?period=2024-03").with(Users.supervision()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value(badPeriod()));
		mvc.perform(get("/api/v1/scores?period=2024").with(Users.supervision())).andExpect(status().isOk());
	}

	/** A page's answer to a period it cannot take: 400 with the one message, nothing of what was sent, no trace. */
	void refused(MockHttpServletRequestBuilder request, RequestPostProcessor user) throws Exception {
		String html = mvc.perform(request.with(user))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		// the bad value is not echoed in what the page says (tags stripped: a random CSRF token once held "xyz")
		assertThat(html).contains(badPeriod()).doesNotContain("Exception");
		assertThat(html.replaceAll("<[^>]*>", " ")).doesNotContain("xyz");
	}

	@Test
	void theScoringPagesRefuseAnUnreadablePeriodAndTheRankingAlsoAMonthOrYear() throws Exception {
		refused(get("/scores?period=2024-xyz"), Users.legalSection());
		refused(get("/scores/NOBODY?period=2024-Q5xyz"), Users.legalSection());
		refused(get("/rankings?period=xyz"), Users.legalSection());
		refused(get("/rankings?period=2024-03"), Users.legalSection());
		refused(get("/rankings/export?period=xyz"), Users.legalSection());
		refused(get("/rankings/export?period=2024"), Users.legalSection());
		// a month or a year is a period the score list and the breakdown take
		mvc.perform(get("/scores?period=2024-03").with(Users.legalSection())).andExpect(status().isOk());
		mvc.perform(get("/scores?period=").with(Users.legalSection())).andExpect(status().isOk());
		mvc.perform(get("/rankings").with(Users.legalSection())).andExpect(status().isOk());
	}

	@Test
	void aRoleThePageRefusesIsRefusedBeforeItsPeriodIsJudged() throws Exception {
		mvc.perform(get("/scores?period=xyz").with(Users.admin())).andExpect(status().isForbidden());
		mvc.perform(get("/rankings?period=2024").with(Users.admin())).andExpect(status().isForbidden());
		mvc.perform(get("/standards?period=xyz").with(Users.admin())).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/rankings?period=2024").with(Users.admin()))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.errors[0].message").exists());
	}

	@Test
	void thePublicationRefusesAPeriodThatIsNoQuarterInItsPageItsPathsAndItsForms() throws Exception {
		refused(get("/publication?period=xyz"), Users.supervision());
		refused(get("/publication?period=2024-03"), Users.supervision());
		refused(post("/publication/xyz/publish").param("confirmed", "true").with(csrf()), Users.legalSection());
		refused(post("/publication/2024/finalise").param("confirmed", "true").with(csrf()), Users.legalSection());
		refused(post("/publication/2024-03/reopen").param("reason", "重算").with(csrf()), Users.legalSection());
		refused(post("/appeals/987654321/uphold").param("period", "2024-xyz").with(csrf()), Users.legalSection());
		refused(post("/appeals/987654321/reject").param("period", "2024-03").with(csrf()), Users.legalSection());
		refused(post("/appeals/987654321/reject").param("period", "").with(csrf()), Users.legalSection());
		RequestPostProcessor officer = Users.officer(987654321L, 987654321L);
		refused(post("/scores/NOBODY/appeals").param("period", "2024").param("caseNo", "X").with(csrf()), officer);
		refused(post("/scores/NOBODY/missing-case-appeals").param("period", "xyz").with(csrf()), officer);
		mvc.perform(get("/publication").with(Users.supervision())).andExpect(status().isOk());
		mvc.perform(get("/publication?period=2024-Q2").with(Users.supervision())).andExpect(status().isOk());
		// the role check first, on a path variable too: 法制科 alone publishes
		mvc.perform(post("/publication/xyz/publish").with(csrf()).with(Users.supervision()))
			.andExpect(status().isForbidden());
		mvc.perform(post("/appeals/987654321/uphold").param("period", "").with(csrf()).with(Users.leader()))
			.andExpect(status().isForbidden());
	}

	@Test
	void theStandardsExemptionFormsRefuseAPeriodThatIsNoQuarterAfterTheRoleCheck() throws Exception {
		refused(post("/standards/exemptions").param("period", "2024-Q5").param("employeeNo", "X").with(csrf()),
				Users.legalSection());
		refused(post("/standards/exemptions/987654321/withdraw").param("period", "2024-03").with(csrf()),
				Users.legalSection());
		mvc.perform(post("/standards/exemptions").param("period", "xyz").with(csrf()).with(Users.supervision()))
			.andExpect(status().isForbidden());
	}

	@Test
	void theDashboardRefusesAQuarterThatIsNotOne() throws Exception {
		refused(get("/dashboard?quarter=2024-Q0xyz"), Users.leader());
		refused(get("/dashboard?quarter=2024-03"), Users.leader());
		refused(get("/dashboard?quarter=2024").header("HX-Request", "true"), Users.leader());
		mvc.perform(get("/dashboard?quarter=").with(Users.leader())).andExpect(status().isOk());
		mvc.perform(get("/dashboard?quarter=2024-03").with(Users.squadLeaderOf(987654321L)))
			.andExpect(status().isForbidden());
	}

	@Test
	void theSquadsQuarterPageRefusesAPeriodThatIsNoQuarter() throws Exception {
		refused(get("/casework/squads/987654321?quarter=xyz"), Users.legalSection());
		refused(get("/casework/squads/987654321?quarter=2024-03"), Users.legalSection());
		// the role check first: the system administrator reads no squad
		mvc.perform(get("/casework/squads/987654321?quarter=2024").with(Users.admin()))
			.andExpect(status().isForbidden());
	}

	@Test
	void theReviewFiguresRefuseAnUnreadablePeriodButTakeAnyKind() throws Exception {
		refused(get("/evaluations/results?period=2024-xyz"), Users.legalSection());
		refused(get("/legal-reviews/rates?period=2024-13"), Users.legalSection());
		for (String period : new String[] { "2024", "2024-Q2", "2024-03", "" }) {
			mvc.perform(get("/evaluations/results").param("period", period).with(Users.legalSection()))
				.andExpect(status().isOk());
			mvc.perform(get("/legal-reviews/rates").param("period", period).with(Users.legalSection()))
				.andExpect(status().isOk());
		}
		mvc.perform(get("/legal-reviews/rates?period=xyz").with(Users.admin())).andExpect(status().isForbidden());
	}

	@Test
	void theOneMessageSpeaksTheBureausWords() {
		assertThat(MessagesSpeakTheBureausWordsTests.codeWords(badPeriod())).isEmpty();
		assertThat(badPeriod()).contains("季度");
	}

}
