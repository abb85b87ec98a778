package cn.wucheng.cq.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import cn.wucheng.cq.audit.AuditLog;
import cn.wucheng.cq.support.Bureau;
import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.Users;

/**
 * The leadership dashboard: figures from the ledger, rankings, standards, coverage
 * and training hours, each linking to the records behind it; roles; and the kept figures following a change.
 * The context is its own, so the quarter 2024-Q1 holds only this class's data.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(properties = "cq.test.context=dashboard")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditLog audit;

	@Autowired
	TransactionTemplate tx;

	Bureau bureau;

	long squad;

	long lead;

	long co;

	@BeforeAll
	void aSquadWithTwoOfficersAndAnOrdinaryCase() {
		bureau = new Bureau(jdbc);
		squad = bureau.unit("看板直属中队", "直属中队");
		bureau.manages(squad, "民政", "教育");
		lead = bureau.officer("DASH-01", "看甲", squad);
		co = bureau.officer("DASH-02", "看乙", squad);
		bureau.caseIn("DASH-C1", "普通程序", "教育", squad, lead, co, LocalDate.of(2024, 2, 1),
				LocalDate.of(2024, 2, 10));
		long simple = bureau.caseIn("DASH-S1", "简易程序", "教育", squad, lead, co, LocalDate.of(2024, 2, 12),
				LocalDate.of(2024, 2, 12));
		// reviewed by the legal officer on the case day.
		jdbc.sql("""
				insert into simple_review (case_id, subject_ok, party_ok, evidence_ok, law_ok, record_ok, video_no,
				  reviewed_on, reviewer_name, reviewed_by, changed_at)
				values (?, true, true, true, true, true, 'V-1', ?, '法制员', 'lo', current_timestamp)""")
			.params(simple, LocalDate.of(2024, 2, 12))
			.update();
	}

	@Test
	void reviewAndRecordingFiguresOfEachSquadComeFromTheCasesBehindThem() throws Exception {
		String html = page("/dashboard?quarter=2024-Q1", Users.legalSection());
		// the ordinary case is not legally reviewed (0 of 1); R-40: the simple case was reviewed the same day;
		// the simple case has no video, and neither concluded case has its disc (R-52 by default asks it of
		// every concluded case, the simple one too) — three recording gaps.
		assertThat(html).contains("data-review=\"0.0\"", "data-same-day=\"100.0\"", "data-gaps=\"3\"")
			.contains("0 / 1（0.0%）", "1 / 1（100.0%）")
			.contains("href=\"/legal-reviews/rates?period=2024-Q1&amp;unit=" + squad + "\"")
			.contains("href=\"/recording/compliance?year=2024&amp;unit=" + squad + "\"");
	}

	@Test
	void theLeadersSeeThePointsLeadersWithTheirExactTotalsLinkedToTheirBreakdowns() throws Exception {
		String html = page("/dashboard?quarter=2024-Q1", Users.leader());
		// an ordinary case (5 + 2) and a simple one (0.5 + 2) give the lead 9.50, the co-handler
		// half of each, 4.75.
		assertThat(html).contains("2024年第1季度看板", "看甲", "9.50", "看乙", "4.75")
			.contains("href=\"/scores/DASH-01?period=2024-Q1\"")
			.contains("data-name=\"看甲\"", "data-points=\"9.50\"")
			.doesNotContain("??");
		assertThat(html.indexOf("看甲")).isLessThan(html.indexOf("看乙"));
	}

	@Test
	void eachSquadShowsItsStandardsCoverageAndTrainingWithLinksToTheDetail() throws Exception {
		String html = page("/dashboard?quarter=2024-Q1", Users.legalSection());
		// one of the two managed domains has a case; R-32 figures link to the squad's standards.
		assertThat(html).contains("看板直属中队", "data-covered=\"1\"", "data-target=\"2\"")
			.contains("href=\"/standards?period=2024-Q1&amp;unit=" + squad + "\"")
			.contains("href=\"/training/hours?year=2024&amp;unit=" + squad + "\"")
			.contains("id=\"squads-chart\"", "/js/dashboard.js");
		Matcher scripts = Pattern.compile("<script\\b([^>]*)>").matcher(html);
		while (scripts.find()) {
			assertThat(scripts.group(1)).as("no inline script (CSP)").contains("src=");
		}
	}

	@Test
	void aChangeRecordedLikeEveryChangeShowsAtTheNextView() throws Exception {
		assertThat(page("/dashboard?quarter=2024-Q2", Users.supervision())).doesNotContain("看丙");
		long third = bureau.officer("DASH-03", "看丙", squad);
		tx.executeWithoutResult(s -> {
			bureau.caseIn("DASH-C2", "重大疑难", "民政", squad, third, lead, LocalDate.of(2024, 4, 1),
					LocalDate.of(2024, 4, 3));
			audit.recordAs("legal", "CASE_CREATED", "case_file", "DASH-C2", "看板测试");
		});
		// a major case gives its lead 10 + 2.
		assertThat(page("/dashboard?quarter=2024-Q2", Users.supervision())).contains("看丙", "12.00");
	}

	@Test
	void aMonthInsteadOfAQuarterIsRefusedWithTheOnePeriodMessage() throws Exception {
		// issue 15 item 2: the one message of a bad period (period.bad), not the dashboard's own
		String html = mvc.perform(get("/dashboard?quarter=2024-03").with(Users.legalSection()))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("期间有误").contains("看板");
	}

	@Test
	void squadsOfficersAndAdministratorsAreRefused() throws Exception {
		mvc.perform(get("/dashboard").with(Users.squadLeaderOf(squad))).andExpect(status().isForbidden());
		mvc.perform(get("/dashboard").with(Users.officer(lead, squad))).andExpect(status().isForbidden());
		mvc.perform(get("/dashboard").with(Users.admin())).andExpect(status().isForbidden());
	}

	private String page(String url, org.springframework.test.web.servlet.request.RequestPostProcessor user)
			throws Exception {
		return mvc.perform(get(url).with(user))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

}
