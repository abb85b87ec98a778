package cn.wucheng.cq.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.wucheng.cq.shared.LatestPeriods;
import cn.wucheng.cq.shared.Period;
import cn.wucheng.cq.support.Bureau;
import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.TestClock;
import cn.wucheng.cq.support.Users;

/**
 * Issue 13, item 1: a bureau whose cases are all of last year (the demo) opens every page on the latest period with
 * data — the quarter, month or year of its latest case — not on today's empty one; once today's quarter has a case,
 * pages open on it. Period lists run newest first. Its own context: the cases here are the only ones, and today is
 * 2031-04-15 (2031-Q2), the cases filed in 2030 up to December, one of them concluded in January 2031 (a straggler,
 * as the demo has: a quarter with only those is not the bureau's data).
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(properties = "cq.test.context=latest-periods")
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PagesOpenOnTheLatestPeriodWithDataTests {

	static final LocalDate TODAY = LocalDate.of(2031, 4, 15);

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	LatestPeriods latest;

	Bureau bureau;

	long squad;

	long lead;

	long co;

	@BeforeAll
	void aSquadWhoseCasesAreAllOfTheYearBefore() {
		bureau = new Bureau(jdbc);
		squad = bureau.unit("期间直属中队", "直属中队");
		bureau.manages(squad, "教育");
		lead = bureau.officer("LP-01", "期甲", squad);
		co = bureau.officer("LP-02", "期乙", squad);
		bureau.caseIn("LP-C1", "普通程序", "教育", squad, lead, co, LocalDate.of(2030, 3, 2), LocalDate.of(2030, 3, 20));
		bureau.caseIn("LP-C2", "普通程序", "教育", squad, lead, co, LocalDate.of(2030, 10, 8),
				LocalDate.of(2030, 11, 20));
		// like the demo's late filings: filed in December, concluded in this year's first quarter
		bureau.caseIn("LP-C9", "普通程序", "教育", squad, lead, co, LocalDate.of(2030, 12, 20),
				LocalDate.of(2031, 1, 20));
	}

	@BeforeEach
	void todayIsInTheSecondQuarterOfTheNextYear() {
		clock.setToday(TODAY);
	}

	@AfterAll
	void backToTheSystemClock() {
		clock.useSystemTime();
	}

	@Test
	@Order(1)
	void theDefaultPeriodsAreThoseOfTheLatestFiledCaseNotOfTodayNorOfAStraggler() {
		assertThat(latest.quarter()).isEqualTo(Period.quarter(2030, 4));
		assertThat(latest.month()).hasToString("2030-12");
		assertThat(latest.year()).isEqualTo(2030);
	}

	@Test
	@Order(1)
	void theDashboardOpensOnTheLastQuarterWithCasesAndListsQuartersNewestFirst() throws Exception {
		String html = page("/dashboard", Users.leader());
		assertThat(selected(html, "dashboard-quarter")).isEqualTo("2030-Q4");
		assertThat(html).contains("2030年第4季度");
		assertNewestFirst(quarters(options(html, "dashboard-quarter")));
		// from the current year down to the year before the one shown
		assertThat(options(html, "dashboard-quarter")).startsWith("2031-Q4").endsWith("2029-Q1");
	}

	@Test
	@Order(1)
	void scoresAndRankingsOpenOnTheLastQuarterWithCasesAndListPeriodsNewestFirst() throws Exception {
		for (String url : List.of("/scores", "/rankings")) {
			String html = page(url, Users.legalSection());
			assertThat(selected(html, "period")).as(url).isEqualTo("2030-Q4");
			List<String> options = options(html, "period");
			assertNewestFirst(quarters(options));
			// the years' groups run 2031, 2030: the current year first, then the year with the cases
			assertThat(options.indexOf("2031-Q1")).as(url).isLessThan(options.indexOf("2030-Q4"));
		}
		List<String> months = options(page("/scores", Users.legalSection()), "period").stream()
			.filter(p -> p.matches("\\d{4}-\\d{2}"))
			.toList();
		assertThat(months).isSortedAccordingTo(Comparator.reverseOrder()).startsWith("2031-12", "2031-11");
	}

	@Test
	@Order(1)
	void standardsOpenOnTheLastQuarterWithCasesAndListQuartersNewestFirst() throws Exception {
		String html = page("/standards", Users.legalSection());
		assertThat(selected(html, "filter-period")).isEqualTo("2030-Q4");
		assertNewestFirst(quarters(options(html, "filter-period")));
	}

	@Test
	@Order(1)
	void theQuarterOfTheHomePageAndOfPublicationIsTheLastWithCases() throws Exception {
		assertThat(page("/", Users.legalSection())).contains("2030年第4季度");
		String publication = page("/publication", Users.legalSection());
		assertThat(selected(publication, "period")).isEqualTo("2030-Q4");
		assertNewestFirst(quarters(options(publication, "period")));
	}

	@Test
	@Order(1)
	void yearPagesOpenOnTheYearOfTheCasesAndListYearsNewestFirst() throws Exception {
		for (String[] page : new String[][] { { "/training/hours", "hours-year" },
				{ "/supervision/meetings", "meetings-year" }, { "/supervision/programme", "programme-year" },
				{ "/supervision/reports", "reports-year" }, { "/recording/compliance", "filter-year" } }) {
			String html = page(page[0], Users.legalSection());
			assertThat(selected(html, page[1])).as(page[0]).isEqualTo("2030");
			List<Integer> years = options(html, page[1]).stream()
				.filter(v -> v.matches("\\d{4}")) // the compliance page also offers 全部年度
				.map(Integer::valueOf)
				.toList();
			assertThat(years).as(page[0]).contains(2031, 2030).isSortedAccordingTo(Comparator.reverseOrder());
		}
	}

	@Test
	@Order(1)
	void coverageAndReviewRatesOpenOnTheYearOfTheCases() throws Exception {
		assertThat(page("/coverage", Users.legalSection())).containsPattern("id=\"filter-year\"[^>]*value=\"2030\"");
		assertThat(page("/legal-reviews/rates", Users.legalSection()))
			.containsPattern("id=\"rates-period\"[^>]*value=\"2030\"");
		assertThat(page("/evaluations/results", Users.legalSection())).contains("2030年");
	}

	@Test
	@Order(1)
	void aSquadsCaseworkOpensOnTheLastQuarterAndTheMonthlyListsOnTheLastMonthWithCases() throws Exception {
		assertThat(page("/casework/squads/" + squad, Users.squadLeaderOf(squad))).contains("2030年第4季度")
			.doesNotContain("2031年第2季度");
		// last month's list (2031-03) is the one due, but the filings end in December 2030
		assertThat(page("/casework/squads", Users.legalSection()))
			.contains("href=\"/casework/squads/" + squad + "/lists/2030-12\"");
		assertThat(page("/casework/lists", Users.legalSection()))
			.contains("href=\"/casework/squads/" + squad + "/lists/2030-12\"");
	}

	@Test
	@Order(2)
	void onceTodaysQuarterHasACasePagesOpenOnIt() throws Exception {
		bureau.caseIn("LP-C3", "简易程序", "教育", squad, lead, co, LocalDate.of(2031, 4, 2), LocalDate.of(2031, 4, 2));
		assertThat(latest.quarter()).isEqualTo(Period.quarter(2031, 2));
		assertThat(selected(page("/dashboard", Users.leader()), "dashboard-quarter")).isEqualTo("2031-Q2");
		assertThat(selected(page("/rankings", Users.legalSection()), "period")).isEqualTo("2031-Q2");
		assertThat(selected(page("/standards", Users.legalSection()), "filter-period")).isEqualTo("2031-Q2");
		assertThat(selected(page("/training/hours", Users.legalSection()), "hours-year")).isEqualTo("2031");
		assertThat(selected(page("/supervision/meetings", Users.legalSection()), "meetings-year")).isEqualTo("2031");
	}

	private static void assertNewestFirst(List<Period> quarters) {
		assertThat(quarters).hasSizeGreaterThan(4);
		assertThat(quarters).isSortedAccordingTo(
				Comparator.comparing((Period p) -> p.start()).reversed());
	}

	private static List<Period> quarters(List<String> values) {
		return values.stream().filter(v -> v.matches("\\d{4}-Q[1-4]")).map(Period::parse).toList();
	}

	/** The select with this id: its body. */
	private static String select(String html, String id) {
		Matcher m = Pattern.compile("<select[^>]*id=\"" + id + "\"[^>]*>(.*?)</select>", Pattern.DOTALL).matcher(html);
		assertThat(m.find()).as("a select #" + id).isTrue();
		return m.group(1);
	}

	private static List<String> options(String html, String id) {
		List<String> values = new ArrayList<>();
		Matcher m = Pattern.compile("<option[^>]*value=\"([^\"]*)\"").matcher(select(html, id));
		while (m.find()) {
			values.add(m.group(1));
		}
		return values;
	}

	private static String selected(String html, String id) {
		Matcher m = Pattern.compile("<option([^>]*)>").matcher(select(html, id));
		List<String> chosen = new ArrayList<>();
		while (m.find()) {
			if (m.group(1).contains("selected")) {
				Matcher v = Pattern.compile("value=\"([^\"]*)\"").matcher(m.group(1));
				if (v.find()) {
					chosen.add(v.group(1));
				}
			}
		}
		assertThat(chosen).as("one selected option in #" + id).hasSize(1);
		return chosen.get(0);
	}

	private String page(String url, RequestPostProcessor user) throws Exception {
		return mvc.perform(get(url).with(user))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

}
