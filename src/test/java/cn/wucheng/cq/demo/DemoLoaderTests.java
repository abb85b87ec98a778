package cn.wucheng.cq.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.Users;

/** The newcomer's first step: an empty system offers the demo bureau, loads it once through the importers. */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(properties = "cq.test.context=demo-loader")
@org.springframework.context.annotation.Import(cn.wucheng.cq.support.TestClock.Config.class)
@AutoConfigureMockMvc
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoLoaderTests {

	/** The demo is of last year: the test's today is fixed, so its year (2025) does not move with the wall clock. */
	static final java.time.LocalDate TODAY = java.time.LocalDate.of(2026, 3, 2);

	@Autowired
	cn.wucheng.cq.support.TestClock testClock;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@org.junit.jupiter.api.BeforeEach
	void today() {
		testClock.setToday(TODAY);
	}

	@Test
	@Order(1)
	void anEmptySystemOffersTheDemoToTheLegalSectionButNotToAnOfficer() throws Exception {
		mvc.perform(get("/").with(Users.legalSection()))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("/demo/load")));
		mvc.perform(post("/demo/load").with(csrf()).with(Users.officer(1L, 1L))).andExpect(status().isForbidden());
		assertThat(count("case_file")).isZero();
	}

	@Test
	@Order(2)
	void loadingFillsTheSystemWithLastYearsBureauThroughTheImporters() throws Exception {
		mvc.perform(post("/demo/load").with(csrf()).with(Users.legalSection()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attributeExists("flashSuccess"));
		int lastYear = TODAY.getYear() - 1;
		assertThat(count("person")).isBetween(200L, 300L);
		assertThat(count("case_file")).isBetween(1000L, 2000L);
		assertThat(count("case_return")).isPositive();
		assertThat(count("excellent_award")).isPositive();
		assertThat(jdbc.sql("select count(*) from case_file where extract(year from filed_on) = ?")
			.param(lastYear)
			.query(Long.class)
			.single()).isEqualTo(count("case_file"));
		assertThat(jdbc.sql("select count(*) from audit_log where action = 'IMPORT'").query(Long.class).single())
			.as("each list's import is audited, the demo's 培训学时 too").isEqualTo(7);
	}

	@Test
	@Order(3)
	void aSecondLoadIsRefusedAndChangesNothing() throws Exception {
		long cases = count("case_file");
		mvc.perform(post("/demo/load").with(csrf()).with(Users.admin()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flashError", "系统中已有案件数据，不能再加载演示数据"));
		assertThat(count("case_file")).isEqualTo(cases);
		mvc.perform(get("/").with(Users.legalSection()))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("/demo/load"))));
	}

	/** Issue 12: the demo shows what the second reading added, each state somewhere. */
	@Test
	@Order(4)
	void theDemoShowsAnOfficerNotYetInTheProgrammeAnExemptionExternalTrainingAndAnUnconfiguredSquad() throws Exception {
		int year = TODAY.getYear() - 1;
		// the 二类中队 start on 1 May of the demo's year: their officers are 未纳入 in its first quarter
		String q1 = mvc.perform(get("/api/v1/standards").param("period", year + "-Q1").with(Users.legalSection()))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(q1).contains("未纳入");
		String q3 = mvc.perform(get("/api/v1/standards").param("period", year + "-Q3").with(Users.legalSection()))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(q3).doesNotContain("未纳入").contains("产假");
		// external training counts
		assertThat(jdbc.sql("select count(distinct p.employee_no) from external_training t join person p on p.id = t.person_id")
			.query(Long.class).single()).isEqualTo(
					jdbc.sql("select count(*) from person where category = 'FORMAL'").query(Long.class).single());
		// a 直属中队 without managed domains is 未配置, never met
		String coverage = mvc.perform(get("/api/v1/coverage").param("year", String.valueOf(year))
				.param("asOf", year + "-12-31").with(Users.legalSection()))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(coverage).containsPattern("\"unit\"\\s*:\\s*\"" + DemoStates.UNCONFIGURED_SQUAD
				+ "\"[^}]*\"met\"\\s*:\\s*false[^}]*\"configured\"\\s*:\\s*false");
	}

	/**
	 * Issue 13: the demo is of last year, and some of its late filings conclude this year; every page opens on the
	 * demo's last quarter or its year, where its data is, not on this year's near-empty periods.
	 */
	@Test
	@Order(5)
	void theDemosPagesOpenOnItsOwnYear() throws Exception {
		int year = TODAY.getYear() - 1;
		assertThat(page("/dashboard")).containsPattern("value=\"" + year + "-Q4\"[^>]*selected");
		assertThat(page("/rankings")).containsPattern("value=\"" + year + "-Q4\"[^>]*selected");
		assertThat(page("/standards")).containsPattern("value=\"" + year + "-Q4\"[^>]*selected");
		assertThat(page("/coverage")).containsPattern("id=\"filter-year\"[^>]*value=\"" + year + "\"");
		assertThat(page("/training/hours")).containsPattern("value=\"" + year + "\"[^>]*selected");
		assertThat(page("/supervision/meetings")).containsPattern("value=\"" + year + "\"[^>]*selected");
		assertThat(page("/legal-reviews/rates")).containsPattern("id=\"rates-period\"[^>]*value=\"" + year + "\"");
	}

	/**
	 * Issue 13, item 2: the demo's people used the whole programme in the demo's year, through its services (so the
	 * audit log holds their acts): reviews, lists (a few late), legal reviews with 退卷, recording, evaluations, training,
	 * meetings, key tasks and a published quarter with appeals.
	 */
	@Test
	@Order(6)
	void theDemosPeopleUsedTheWholeProgrammeInItsYearThroughItsServices() throws Exception {
		int year = TODAY.getYear() - 1;
		String inYear = " between '" + year + "-01-01' and '" + (year + 1) + "-01-31'";
		assertThat(count("simple_review where reviewed_on" + inYear)).isEqualTo(count("simple_review")).isGreaterThan(500);
		assertThat(count("simple_review where reviewed_on > (select coalesce(c.concluded_on, c.filed_on) from case_file c where c.id = case_id)"))
			.as("R-40: a few reviews after the case's day").isPositive();
		assertThat(count("review_list where submitted_at is not null")).isGreaterThan(40);
		assertThat(count("review_list where submitted_at::date > make_date(list_year, list_month, 15) + interval '1 month'"))
			.as("R-41: a few lists submitted late").isPositive();
		assertThat(count("legal_review_round where outcome = 'RETURNED' and resubmitted_on is not null")).isPositive();
		assertThat(count("evaluation where status <> 'ASSIGNED'")).isPositive();
		assertThat(count("evaluation where status = 'ASSIGNED'")).as("December's round waits for its evaluators")
			.isPositive();
		assertThat(count("training_plan where plan_year = " + year)).isPositive();
		assertThat(count("training_attendee")).isGreaterThan(50);
		assertThat(count("case_inquiry")).isPositive();
		assertThat(count("case_disc_archive")).as("R-52: discs archived, a few not yet").isPositive()
			.isLessThan(count("case_file where concluded_on >= '" + year + "-10-01'"));
		assertThat(count("supervision_meeting where extract(year from held_on) = " + year)).isEqualTo(12);
		assertThat(count("quarter_publication where period_code = '" + year + "-Q4' and published_on is not null"))
			.isEqualTo(1);
		assertThat(count("score_appeal")).isEqualTo(3);
		assertThat(count("score_appeal where decided_on is not null")).isEqualTo(2);
		assertThat(count("import_history where source = 'PAGE'")).as("the lists are in the import history").isEqualTo(7);
		for (String action : new String[] { "SIMPLE_REVIEW_RECORDED", "REVIEW_LIST_SUBMITTED", "LEGAL_REVIEW_RETURNED",
				"EVALUATION_SUBMITTED", "TRAINING_SESSION_CREATED", "SUPERVISION_MEETING_RECORDED",
				"SUPERVISION_TASK_STATUS", "SCORES_PUBLISHED", "SCORE_APPEAL_FILED", "SCORE_APPEAL_UPHELD" }) {
			assertThat(count("audit_log where action = '" + action + "'")).as(action).isPositive();
		}
		// the board shows the demo's year, not this year's passed deadlines over last year's work
		String tasks = page("/supervision/tasks");
		java.util.regex.Matcher summary = java.util.regex.Pattern.compile("截至 (\\S+)：共 18 项任务，逾期 (\\d+) 项").matcher(tasks);
		assertThat(summary.find()).as("the board's summary line").isTrue();
		assertThat(summary.group(1)).isEqualTo(year + "-12-31");
		assertThat(Integer.parseInt(summary.group(2))).as("only the tasks computed from data the demo falls short of (standards, coverage), not a wall of them")
			.isLessThanOrEqualTo(3);
		// the leaders' dashboard of the demo's last quarter counts the same overdue tasks as the board (it counted
		// them as of today's date: 7 against the board's 3)
		java.util.regex.Matcher card = java.util.regex.Pattern
			.compile("data-figure=\"overdueTasks\">(\\d+)<").matcher(page("/dashboard"));
		assertThat(card.find()).as("the dashboard's overdue-task figure").isTrue();
		assertThat(card.group(1)).isEqualTo(summary.group(2));
	}

	private String page(String url) throws Exception {
		return mvc.perform(get(url).with(Users.legalSection()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}

	private long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

}
